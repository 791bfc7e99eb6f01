import Foundation
import FolioTestSupport

/// Runs the `openssl` command line, the independent verifier for these tests.
enum OpenSSLCLI {
    static var available: Bool { ExternalTool.shouldRun("openssl") }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `openssl args…` in `directory`; throws with stderr when it exits non-zero.
    @discardableResult
    static func run(_ args: [String], in directory: String, stdin: Data? = nil) throws -> ProcessResult {
        guard let path = ExternalTool.path("openssl") else { throw Failure(description: "openssl is not installed") }
        let result = try ProcessRunner.run([path] + args, stdin: stdin, currentDirectory: directory)
        guard result.status == 0 else {
            throw Failure(description: "openssl \(args.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result
    }

    /// Like `run`, but returns the exit status instead of throwing (for checks expected to fail).
    static func status(_ args: [String], in directory: String) throws -> Int32 {
        guard let path = ExternalTool.path("openssl") else { throw Failure(description: "openssl is not installed") }
        return try ProcessRunner.run([path] + args, currentDirectory: directory).status
    }
}

/// A temporary directory with small file helpers, removed on deinit.
final class TempDir {
    let path = ProcessRunner.temporaryDirectory("folio-crypto")

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    func read(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)")))
    }

    func readText(_ name: String) throws -> String { String(decoding: try read(name), as: UTF8.self) }
}
