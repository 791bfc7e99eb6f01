import Foundation

/// Paths of the committed examples and the shared SRI vectors, found from this file's location
/// (symlinks resolved, so a scratch package that links this directory finds them too).
enum SRITestFiles {
    /// The package root: this file is Tests/FolioCoreTests/Documents/SRITestFiles.swift.
    static func packageRoot(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var examples: URL { packageRoot().appendingPathComponent("examples") }
    /// DESIGN §7 names them `../shared/vectors` relative to the package.
    static var vectors: URL { packageRoot().deletingLastPathComponent().appendingPathComponent("shared/vectors") }
    static var facturaXSD: String { vectors.appendingPathComponent("sri/factura_V1.1.0.xsd").path }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}
