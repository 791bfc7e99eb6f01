import CommandLineKit
import FolioCore

/// `--limit`, `--cursor`, `--all` of every list command.
struct ListOptions {
    var limit: Int
    var cursor: String?
    var all: Bool

    static let limit: OptionKey<Int> = .integer("limit", value: "n", range: 1...PageRequest.maximumLimit,
                                                default: PageRequest.defaultLimit, help: "How many items to show at most.")
    static let cursor: OptionKey<String?> = .string("cursor", value: "cursor", help: "Continue after this cursor (from nextCursor).")
    static let all: OptionKey<Bool> = .flag("all", help: "Show every page.")

    /// The options every list command appends to its own.
    static let specs: [Option] = [limit.option, cursor.option, all.option]

    init(_ invocation: Invocation) {
        limit = invocation[ListOptions.limit]
        cursor = invocation[ListOptions.cursor]
        all = invocation[ListOptions.all]
    }
}
