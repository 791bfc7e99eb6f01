import CommandLineKit
import FolioCore

/// `--limit`, `--cursor`, `--all` of every list command.
struct ListOptions {
    var limit: Int
    var cursor: String?
    var all: Bool

    static let specs: [Option] = [
        Option("limit", value: "n", kind: .integer(1...PageRequest.maximumLimit), default: String(PageRequest.defaultLimit),
               help: "How many items to show at most."),
        Option("cursor", value: "cursor", help: "Continue after this cursor (from nextCursor)."),
        Option("all", help: "Show every page."),
    ]

    init(_ invocation: Invocation) {
        limit = invocation.value("limit").flatMap { Int($0) } ?? PageRequest.defaultLimit
        cursor = invocation.value("cursor")
        all = invocation.flag("all")
    }
}
