// swift-tools-version:6.0
// Folio takes no package dependencies: the C libraries below are system libraries that every
// machine of ours has, reached through small module maps and shims.
//
// Start-up time matters (every script call pays it). A plain release build is the fast one, no
// extra flag needed: the Swift runtime is linked statically (`-static-stdlib`, release only);
// SQLite, libxml2 (with the ICU, liblzma and libstdc++ it needs), zlib and libcrypto are linked
// from their static archives, which the module maps name as `-l:libNAME.a` so that they land
// inside the linker's group ahead of the shared defaults (OpenSSL's legacy provider, loaded
// only to read RC2 PKCS#12 files, brings the shared libcrypto then: see Sources/COpenSSL); and
// the executable is not position-independent (tens of thousands of relocations fewer). Debug
// builds, which the tests use, link dynamically. Measured with bench/startup.sh (README).
//
// The C modules are imported `internal`, so only FolioXML (and its tests, which touch libxml2
// nodes) need libxml2's header path.
import PackageDescription

/// libxml2's headers live in /usr/include/libxml2 (Debian); pkg-config would also add a shared
/// `-lxml2`, so the modules that import CLibXML2 get the path here.
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

let package = Package(
    name: "folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CLibSSL", path: "Sources/CLibSSL"),

        .target(name: "FolioSupport"),
        .target(name: "CommandLineKit", dependencies: ["FolioSupport"]),
        .target(name: "FolioCrypto", dependencies: ["COpenSSL", "CZlib", "FolioSupport"]),
        .target(name: "FolioXML", dependencies: ["CLibXML2", "FolioCrypto", "FolioSupport"], swiftSettings: libxml2Headers),
        // The RIDE's PDF writer: pure Swift over FolioSupport, no C library.
        .target(name: "FolioPDF", dependencies: ["FolioSupport"]),
        // Deterministic, streaming ZIP archives (exports) and their verifier, over zlib.
        .target(name: "FolioZip", dependencies: ["CZlib", "FolioSupport"]),
        // HTTP/1.1 client and server over POSIX sockets, TLS through libssl (webhooks, later the
        // SRI web services). FolioCLI links it: `webhooks deliver` sends with it, `webhooks listen`
        // serves with it; libssl is static like libcrypto.
        .target(name: "FolioHTTP", dependencies: ["COpenSSL", "CLibSSL", "FolioSupport"]),
        .target(name: "FolioCore", dependencies: ["CSQLite", "FolioCrypto", "FolioXML", "FolioPDF", "FolioZip", "FolioSupport"]),
        // Only a debug build (what the tests run) takes its clock from the environment: a
        // release binary never dates audit rows, keys or tokens by FOLIO_NOW.
        .target(name: "FolioCLI", dependencies: ["CommandLineKit", "FolioCore", "FolioHTTP", "FolioSupport"],
                swiftSettings: [.define("FOLIO_TEST_CLOCK", .when(configuration: .debug))]),
        .executableTarget(name: "folio", dependencies: ["FolioCLI", "FolioSupport"], exclude: ["StaticLink"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-no-pie",
                                                          "-L", Context.packageDirectory + "/Sources/folio/StaticLink"],
                                                         .when(configuration: .release))]),

        .target(name: "FolioTestSupport", dependencies: ["CSQLite", "FolioSupport"], path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioSupportTests", dependencies: ["FolioSupport", "FolioTestSupport"]),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit", "FolioTestSupport", "FolioSupport"]),
        .testTarget(name: "FolioCryptoTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCrypto"]),
        .testTarget(name: "FolioXMLTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioXML", "FolioCrypto"], swiftSettings: libxml2Headers),
        .testTarget(name: "FolioPDFTests", dependencies: ["FolioPDF"]),
        .testTarget(name: "FolioZipTests", dependencies: ["FolioZip", "FolioTestSupport", "FolioSupport"]),
        .testTarget(name: "FolioHTTPTests", dependencies: ["FolioHTTP", "FolioTestSupport", "FolioSupport"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCore", "FolioXML"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCLI", "CommandLineKit", "FolioHTTP", "FolioCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCore", "FolioXML", "FolioCrypto", "FolioHTTP"]),
    ]
)
