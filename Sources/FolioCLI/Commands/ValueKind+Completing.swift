import CommandLineKit
import FolioCore

extension ValueKind {
    /// A value that shell completion reads from the store: `folio __complete KIND`.
    static func completing(_ kind: CompletionKind) -> ValueKind { .dynamic(kind.rawValue) }
}
