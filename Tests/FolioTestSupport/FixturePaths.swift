import Foundation

/// Paths inside the repository, found from this file's location (symlinks resolved), so the
/// tests find their data wherever the clone is placed.
public enum FixturePaths {
    /// The package root: this file is Tests/FolioTestSupport/FixturePaths.swift.
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`: data copied into the repository (see its README for the sources).
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
    /// `examples/`: the committed example inputs.
    public static var examples: URL { root.appendingPathComponent("examples") }
    /// The SRI access-key vectors.
    public static var accessKeys: URL { fixtures.appendingPathComponent("access-keys.txt") }
    /// The SRI factura 1.1.0 schema (importing the local XML-DSig schema).
    public static var facturaXSD: String { fixtures.appendingPathComponent("sri/factura_V1.1.0.xsd").path }
}
