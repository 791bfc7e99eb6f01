import CommandLineKit
import FolioCore

/// The one table of exit statuses (DESIGN §4): which error codes end with which status and what
/// that means. The error reporter, the man page's EXIT STATUS section and the tests read it.
enum ExitTable {
    struct Row: Sendable {
        let status: Int32
        let codes: [ErrorCode]
        let meaning: String
    }

    static let rows: [Row] = [
        Row(status: 0, codes: [], meaning: "Success."),
        Row(status: 1, codes: [.serverError], meaning: "A bug or an unexpected failure, including I/O errors."),
        Row(status: 2, codes: [.usage], meaning: "Wrong use: unknown command or option, missing or extra argument; "
            + "also a destructive command declined at its prompt, or run without a terminal and without --yes."),
        Row(status: 3, codes: [.validationFailed], meaning: "A value is malformed or not allowed."),
        Row(status: 4, codes: [.notFound], meaning: "The thing named does not exist or is not visible to that tenant."),
        Row(status: 5, codes: [.conflict, .idempotencyConflict, .invalidState],
            meaning: "It exists already, an idempotency key was reused with other arguments, or the transition is not allowed."),
        Row(status: 6, codes: [.unauthorized, .forbidden],
            meaning: "The key is invalid, revoked or expired, the tenant is suspended, or the key lacks the scope."),
        Row(status: 7, codes: [.planTierRequired], meaning: "The tenant's plan tier does not include the feature."),
        Row(status: 8, codes: [.rateLimited], meaning: "The key's rate limit is spent."),
        Row(status: 9, codes: [.storeUnavailable],
            meaning: "The store is missing, locked by another process past --lock-timeout, corrupt, unwritable, or of a newer schema."),
        Row(status: 10, codes: [.signatureInvalid], meaning: "A document, archive or webhook signature does not verify."),
        Row(status: 130, codes: [.interrupted], meaning: "Interrupted (SIGINT); the open transaction was rolled back and "
            + "nothing half-written is left (a batch keeps the lines it printed)."),
        Row(status: 143, codes: [], meaning: "Terminated (SIGTERM), with the same guarantee."),
    ]

    /// The exit status of `code`.
    static func status(for code: ErrorCode) -> Int32 {
        rows.first { $0.codes.contains(code) }?.status ?? 1
    }

    /// The man page's EXIT STATUS lines, each naming its error codes.
    static var manPage: [ExitStatus] {
        rows.map { row in
            let codes = row.codes.map(\.rawValue).joined(separator: ", ")
            return ExitStatus(Int(row.status), codes.isEmpty ? row.meaning : "\(row.meaning) (\(codes))")
        }
    }
}
