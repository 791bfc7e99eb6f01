// swift-tools-version:6.0
// Folio takes no package dependencies: the C libraries below are system libraries that every
// machine of ours has, reached through small module maps and shims.
import PackageDescription

let package = Package(
    name: "folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        .target(name: "CommandLineKit"),
        .target(name: "FolioCrypto", dependencies: ["COpenSSL", "CZlib"]),
        .target(name: "FolioXML", dependencies: ["CLibXML2", "FolioCrypto"]),
        .target(name: "FolioCore", dependencies: ["CSQLite", "FolioCrypto", "FolioXML"]),
        .target(name: "FolioCLI", dependencies: ["CommandLineKit", "FolioCore"]),
        .executableTarget(name: "folio", dependencies: ["FolioCLI"]),

        .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit", "FolioTestSupport"]),
        .testTarget(name: "FolioCryptoTests", dependencies: ["FolioTestSupport", "FolioCrypto"]),
        .testTarget(name: "FolioXMLTests", dependencies: ["FolioTestSupport", "FolioXML", "FolioCrypto"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioTestSupport", "FolioCore"]),
        .testTarget(name: "FolioCLITests", dependencies: ["FolioTestSupport", "FolioCLI", "CommandLineKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FolioTestSupport", "FolioCore"]),
    ]
)
