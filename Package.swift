// swift-tools-version:6.0
// Folio takes no package dependencies: the C libraries below are system libraries that every
// machine of ours has, reached through small module maps and shims.
//
// Start-up time matters (every script call pays it): SQLite, libxml2 (with the ICU, liblzma and
// libstdc++ it needs) and zlib are linked from their static archives, which the module maps name
// as `-l:libNAME.a` so that they land inside the linker's group ahead of the shared defaults, and
// the executable is not position-independent (tens of thousands of relocations fewer). libcrypto
// stays shared (see Sources/COpenSSL). Measured with bench/startup.sh; numbers in the README.
import PackageDescription

/// libxml2's headers live in /usr/include/libxml2 (Debian); pkg-config would also add a shared
/// `-lxml2`, so every module that sees CLibXML2, directly or through FolioXML, gets the path here.
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

        .target(name: "FolioSupport"),
        .target(name: "CommandLineKit", dependencies: ["FolioSupport"]),
        .target(name: "FolioCrypto", dependencies: ["COpenSSL", "CZlib", "FolioSupport"]),
        .target(name: "FolioXML", dependencies: ["CLibXML2", "FolioCrypto", "FolioSupport"], swiftSettings: libxml2Headers),
        .target(name: "FolioCore", dependencies: ["CSQLite", "FolioCrypto", "FolioXML", "FolioSupport"]),
        .target(name: "FolioCLI", dependencies: ["CommandLineKit", "FolioCore", "FolioSupport"]),
        .executableTarget(name: "folio", dependencies: ["FolioCLI", "FolioSupport"], exclude: ["StaticLink"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-no-pie",
                                                          "-L", Context.packageDirectory + "/Sources/folio/StaticLink"],
                                                         .when(configuration: .release))]),

        .target(name: "FolioTestSupport", dependencies: ["CSQLite", "FolioSupport"], path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioSupportTests", dependencies: ["FolioSupport", "FolioTestSupport"]),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit", "FolioTestSupport", "FolioSupport"]),
        .testTarget(name: "FolioCryptoTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCrypto"]),
        .testTarget(name: "FolioXMLTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioXML", "FolioCrypto"], swiftSettings: libxml2Headers),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCore", "FolioXML"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCLI", "CommandLineKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FolioTestSupport", "FolioSupport", "FolioCore", "FolioXML", "FolioCrypto"]),
    ]
)
