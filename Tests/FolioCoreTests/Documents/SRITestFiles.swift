import Foundation
import FolioTestSupport

/// Paths of the committed examples and of the SRI vectors copied into `Tests/Fixtures`.
enum SRITestFiles {
    static var examples: URL { FixturePaths.examples }
    /// The vectors: `Tests/Fixtures` (copied from the workplace's shared data; see its README).
    static var vectors: URL { FixturePaths.fixtures }
    static var facturaXSD: String { FixturePaths.facturaXSD }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}
