import FolioCore

/// Thrown by a command that has printed its result and then fails (a verification report with
/// invalid signatures, a scan that found live keys, a batch with failed lines): `FolioApp`
/// reports `error` when there is one and exits with `status`. Commands never exit themselves.
struct ReportedFailure: Error {
    /// The error to report on stderr, if it has not been reported yet.
    var error: FolioError?
    /// The exit status: that of `error`, or of the first failure already reported.
    var status: Int32

    init(_ error: FolioError) {
        self.error = error
        status = ExitTable.status(for: error.code)
    }

    init(status: Int32) {
        error = nil
        self.status = status
    }
}
