import FolioSupport

/// The stable error codes of DESIGN §4. Codes never change once published; messages may.
public enum ErrorCode: String, Sendable {
    case serverError = "server_error"
    case usage
    case validationFailed = "validation_failed"
    case notFound = "not_found"
    case conflict
    case idempotencyConflict = "idempotency_conflict"
    case invalidState = "invalid_state"
    case unauthorized
    case forbidden
    case planTierRequired = "plan_tier_required"
    case rateLimited = "rate_limited"
    case storeUnavailable = "store_unavailable"
    case signatureInvalid = "signature_invalid"
    /// Stopped on request (a signal) before the change was saved; nothing was changed.
    case interrupted
}

/// An expected failure of a Folio operation: a code, a message that says what to do, and the
/// details DESIGN §4 puts beside them. The CLI maps it to an exit status in one place.
public struct FolioError: Error, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    /// The input field at fault (`email`, `items[2].quantity`).
    public var field: String?
    /// A next step in words that name no command (`check the characters`), printed as `hint: …`.
    public var hint: String?
    /// A next step the front end words for itself (as a command line, for the CLI); it wins
    /// over `hint` there.
    public var remedy: Remedy?
    /// Extra members of the JSON error body (`required`, `current`, `retryAfter`, `candidates`…).
    public var details: [JSONMember]

    public init(_ code: ErrorCode, _ message: String, field: String? = nil, hint: String? = nil, remedy: Remedy? = nil,
                details: [JSONMember] = []) {
        self.code = code
        self.message = message
        self.field = field
        self.hint = hint
        self.remedy = remedy
        self.details = details
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func validation(_ message: String, field: String, hint: String? = nil, remedy: Remedy? = nil) -> FolioError {
        FolioError(.validationFailed, message, field: field, hint: hint, remedy: remedy)
    }

    public static func notFound(_ message: String, hint: String? = nil, remedy: Remedy? = nil) -> FolioError {
        FolioError(.notFound, message, hint: hint, remedy: remedy)
    }

    public static func invalidState(_ message: String, hint: String? = nil, remedy: Remedy? = nil) -> FolioError {
        FolioError(.invalidState, message, hint: hint, remedy: remedy)
    }

    public static func storeUnavailable(_ message: String, hint: String? = nil, remedy: Remedy? = nil) -> FolioError {
        FolioError(.storeUnavailable, message, hint: hint, remedy: remedy)
    }

    public static func server(_ message: String) -> FolioError {
        FolioError(.serverError, message)
    }
}

extension FolioError {
    /// The change was asked to stop before it committed.
    public static let interrupted = FolioError(.interrupted, "stopped before the change was saved; nothing was changed")

    /// A failed file operation on the store's own files: `store_unavailable`, named "disk full"
    /// when the disk (or a file size limit) is what stopped it.
    public static func storeFile(_ error: FileSystemError) -> FolioError {
        if error.isDiskFull {
            return .storeUnavailable("the disk is full: \(error.description)",
                                     hint: "free some space (or raise the file size limit) and try again; "
                                         + "the write that failed was rolled back")
        }
        return .storeUnavailable(error.description, hint: "check that the store directory exists and is writable")
    }
}

/// Runs a file operation on the store's files, its failure as `FolioError.storeFile`.
func storeFile<T>(_ body: () throws(FileSystemError) -> T) throws(FolioError) -> T {
    do throws(FileSystemError) { return try body() } catch { throw FolioError.storeFile(error) }
}
