import Foundation

/// Runs the built `folio` binary against a temporary store, as a user would.
public struct FolioHarness: Sendable {
    /// The store directory of this harness (created by `init()` unless told otherwise).
    public let store: String
    public var environment: [String: String]

    /// The binary: `FOLIO_BIN`, else `folio` beside the running test bundle (.build/debug).
    public static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["FOLIO_BIN"], !bin.isEmpty { return bin }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // swift test runs <pkg>.xctest from .build/debug; Swift Testing may run it from a subfolder.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("folio").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("folio").path
    }

    /// A harness with a fresh temporary store; runs `folio init` unless `initialize` is false.
    /// The binary's clock starts at `TestClock` (`FOLIO_CLOCK_OFFSET`) unless `environment` says
    /// otherwise (`FOLIO_NOW` fixes it).
    public init(initialize: Bool = true, environment extra: [String: String] = [:]) throws {
        let dir = ProcessRunner.temporaryDirectory("folio-e2e")
        store = dir + "/store"
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": dir,
            "FOLIO_STORE": store,
            "FOLIO_ACTOR": "e2e",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            // The binary's clock starts at the test clock now and runs on from there, never the
            // machine's date (the suite must pass on any date); commands still see time pass, so
            // the ids they make sort in the order they were made.
            "FOLIO_CLOCK_OFFSET": String(TestClock.offsetFromMachine()),
        ]
        // The machine's clock as this process sees it (CI moves it with libfaketime, through
        // LD_PRELOAD and FAKETIME*): the binary must see the same one, or the clock offset above
        // would be measured on one clock and applied to another.
        for (k, v) in ProcessInfo.processInfo.environment where k == "LD_PRELOAD" || k.hasPrefix("FAKETIME") {
            env[k] = v
        }
        for (k, v) in extra { env[k] = v }
        environment = env
        if initialize {
            let result = try run(["init"])
            guard result.status == 0 else { throw HarnessError(message: "folio init failed: \(result.stderr)") }
        }
    }

    /// Runs `folio ARGS` with optional stdin and extra environment.
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> ProcessResult {
        var env = environment
        for (k, v) in extra { env[k] = v }
        return try ProcessRunner.run([FolioHarness.binary] + arguments, stdin: stdin.map { Data($0.utf8) }, environment: env)
    }

    /// Runs and parses stdout as JSON (the command must succeed).
    public func json(_ arguments: [String], stdin: String? = nil) throws -> [String: Any] {
        let result = try run(arguments + ["-o", "json"], stdin: stdin)
        guard result.status == 0 else {
            throw HarnessError(message: "folio \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        guard let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any] else {
            throw HarnessError(message: "not a JSON object: \(result.stdout)")
        }
        return object
    }

    /// Every file below the store, as bytes (for "the secret is nowhere in the store" checks).
    public func storeFiles() -> [(path: String, bytes: Data)] {
        guard let walker = FileManager.default.enumerator(atPath: store) else { return [] }
        var files: [(String, Data)] = []
        for case let relative as String in walker {
            let path = store + "/" + relative
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files.append((path, data))
            }
        }
        return files
    }

    /// Runs `sql` on the store's database through SQLite's C API (independent of Folio's store
    /// layer), output as the sqlite3 shell prints it; `.dump` gives `SQLiteReader.dump`.
    public func sqlite(_ sql: String) throws -> String {
        let database = store + "/folio.db"
        return sql == ".dump" ? try SQLiteReader.dump(database) : try SQLiteReader.query(database, sql)
    }
}

public struct HarnessError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
