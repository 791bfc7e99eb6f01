import Foundation
import Testing
import FolioTestSupport

/// A real signal during a 2,000-line batch: the open group is rolled back, what was printed is
/// exactly what was stored, the exit status is 128 + the signal, and no staged file is left.
@Suite("signals: a batch stopped by SIGINT or SIGTERM")
struct SignalTests {
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func batchStops(signal: Int32, status: Int32) throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let batch = (1...2000).map { invoiceLine($0) }.joined(separator: "\n")
        var environment = folio.environment
        environment["FOLIO_SENDMAIL"] = nil
        let child = try ChildProcess([FolioHarness.binary, "documents", "create", "--issuer", issuer, "--file", "-", "-o", "jsonl"],
                                     environment: environment)
        child.feedInBackground(Data(batch.utf8))
        // Wait for the first group to be printed (it is committed by then), then ask to stop.
        var printed = child.readSomeStdout()
        while !printed.contains(UInt8(ascii: "\n")) {
            let more = child.readSomeStdout()
            try #require(!more.isEmpty, "folio ended before printing anything")
            printed += more
        }
        child.send(signal)
        printed += child.readToEnd()
        let stderr = String(decoding: child.readToEnd(stderr: true), as: UTF8.self)
        #expect(child.wait() == status, "\(stderr)")

        let lines = String(decoding: printed, as: UTF8.self).split(separator: "\n")
        #expect(lines.count < 2000, "the batch finished before the signal")
        #expect(lines.count % 100 == 0, "only whole groups are kept: \(lines.count)")
        #expect(stderr.contains("interrupted: \(lines.count) documents created before the stop"), "\(stderr)")
        #expect(try folio.storedSequentials() == Array(1...lines.count))
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'document.create'") == "\(lines.count)\n")
        #expect(try folio.run(["audit", "verify"]).status == 0)
        let leftovers = folio.storeFiles().map(\.path).filter { $0.hasSuffix(".tmp") || $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // The store takes the rest of the batch afterwards.
        let rest = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-q"], stdin: invoiceLine(1))
        #expect(rest.status == 0, "\(rest.stderr)")
    }

    @Test("SIGINT while waiting for the store lock another process holds: exit 130, not store_unavailable at the timeout")
    func interruptsLockWait() throws {
        let folio = try FolioHarness()
        let holder = try SQLiteLockHolder(path: folio.store + "/folio.db")
        defer { holder.release() }
        let child = try ChildProcess([FolioHarness.binary, "tenants", "register", "--email", "ana@example.com",
                                      "--lock-timeout", "600"], environment: folio.environment)
        child.closeStdin()
        // Once folio has the database open, its signal handlers are in place (they come first),
        // and the only way on is the write lock this test holds.
        try #require(Self.waitUntil { Self.openFiles(of: child.pid).contains { $0.hasSuffix("/folio.db") } },
                     "folio never opened the store")
        child.send(SIGINT)
        let stderr = String(decoding: child.readToEnd(stderr: true), as: UTF8.self)
        // Had the wait not ended on the signal, folio would exit 9 after ten minutes.
        #expect(child.wait() == 130, "\(stderr)")
        #expect(stderr.contains("error: stopped before the change was saved; nothing was changed"), "\(stderr)")
        holder.release()
        #expect(try folio.sqlite("SELECT count(*) FROM tenants") == "0\n")
    }

    /// The paths of the files process `pid` has open.
    static func openFiles(of pid: pid_t) -> [String] {
        let directory = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + $0) }
    }

    /// Polls `condition` every 10 ms for up to a minute (a deadline only against a hang).
    static func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }
}
