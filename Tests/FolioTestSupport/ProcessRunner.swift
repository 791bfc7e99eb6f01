import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data
}

/// Runs child processes for tests, capturing stdout and stderr completely.
public enum ProcessRunner {
    /// Runs `argv` (argv[0] an absolute path) with optional stdin bytes and environment overrides;
    /// `environment` nil inherits this process's environment.
    @discardableResult
    public static func run(_ argv: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                           currentDirectory: String? = nil) throws -> ProcessResult {
        let child = try ChildProcess(argv, environment: environment, currentDirectory: currentDirectory)
        let (out, err) = child.communicate(stdin)
        let status = child.wait()
        return ProcessResult(status: status, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self), stdoutData: out)
    }

    /// A fresh temporary directory, removed by the caller (or left for the OS).
    public static func temporaryDirectory(_ prefix: String = "folio-test") -> String {
        let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
