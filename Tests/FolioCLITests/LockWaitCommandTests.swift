import Foundation
import Testing
@testable import FolioCLI
import FolioTestSupport

/// A command that finds the store's write lock held by another writer (a second connection in
/// `BEGIN IMMEDIATE`, as another folio process would hold it): it waits up to --lock-timeout /
/// FOLIO_LOCK_TIMEOUT, says so after a second on a terminal only, fails store_unavailable (9)
/// when the wait runs out, and ends at once on Ctrl-C. No assertion is about a duration: each
/// outcome is one that no other could produce (a wait that ignored the release or the Ctrl-C
/// would fail store_unavailable after ten minutes instead).
@Suite("commands: waiting for the store lock")
struct LockWaitCommandTests {
    static let note = "waiting for the store lock…"

    func holdLock(_ folio: InProcessFolio) throws -> SQLiteLockHolder {
        try SQLiteLockHolder(path: folio.store + "/folio.db")
    }

    @Test("held past the timeout: store_unavailable (9) saying how to wait longer; piped, no waiting note")
    func timesOut() throws {
        let folio = try InProcessFolio()
        let holder = try holdLock(folio)
        defer { holder.release() }
        let piped = folio.run(["tenants", "register", "--email", "ana@example.com"], environment: ["FOLIO_LOCK_TIMEOUT": "2"])
        #expect(piped.status == 9)
        #expect(piped.stderr.contains("error: the store is locked by another process: gave up after waiting 2 s"), "\(piped.stderr)")
        #expect(piped.stderr.contains("wait longer with --lock-timeout SECONDS (or FOLIO_LOCK_TIMEOUT)"))
        #expect(!piped.stderr.contains(Self.note), "a stderr that is not a terminal gets no status line")

        let json = folio.run(["tenants", "register", "--email", "ana@example.com", "--lock-timeout", "0", "-o", "json"])
        #expect(json.status == 9)
        let error = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any]
        #expect(error?["error"] as? String == "store_unavailable")
        #expect((error?["message"] as? String)?.hasSuffix("gave up after waiting 0 s") == true)
        holder.release()
        #expect(folio.run(["tenants", "list", "-q"]).stdout.isEmpty)
    }

    @Test("a bad timeout is refused (3), naming where it came from")
    func badTimeout() throws {
        let folio = try InProcessFolio()
        let negative = folio.run(["tenants", "list", "--lock-timeout", "-1"])
        #expect(negative.status == 3)
        #expect(negative.stderr.contains("invalid value '-1' for --lock-timeout: expected a whole number from 0 to 86400"))
        let fromEnvironment = folio.run(["tenants", "list"], environment: ["FOLIO_LOCK_TIMEOUT": "soon"])
        #expect(fromEnvironment.status == 3)
        #expect(fromEnvironment.stderr.contains("invalid value 'soon' for --lock-timeout (from FOLIO_LOCK_TIMEOUT)"))
    }

    @Test("on a terminal: after a second, 'waiting for the store lock…' as a status line, blanked once the lock is taken")
    func noteOnTerminal() throws {
        let folio = try InProcessFolio()
        let holder = try holdLock(folio)
        let running = folio.start(["tenants", "register", "--email", "ana@example.com", "--lock-timeout", "600", "--no-color"],
                                  terminal: true, width: 120)
        let noted = running.waitForStderr(Self.note)
        holder.release()
        let result = running.finish()
        #expect(noted, "\(result.stderr)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(Self.note))
        let line = "waiting for the store lock… (another folio process is writing; up to 600 s)"
        // Shown once, without a newline, then spaces over it: the result starts at the margin.
        let blank = "\r" + String(repeating: " ", count: line.count) + "\r"
        #expect(result.transcript.contains("\r" + line + blank + "ID"), "\(result.transcript.debugDescription)")
        #expect(result.stderr.components(separatedBy: Self.note).count == 2)
    }

    @Test("Ctrl-C while a batch waits for the lock: exit 130 at once, 'interrupted: 0 documents created before the stop'")
    func interruptedWhileWaiting() throws {
        let folio = try InProcessFolio()
        _ = folio.run(["tenants", "register", "--email", "ana@example.com", "--ruc", "1790011674001"])
        let issuer = try #require(folio.run(["issuers", "list", "-q"]).stdout.split(separator: "\n").first.map(String.init))
        let holder = try holdLock(folio)
        defer { holder.release() }
        let running = folio.start(["documents", "create", "--issuer", issuer, "--file", "-", "--lock-timeout", "600"],
                                  stdin: [BatchTerminalTests.line(buyer: "A"), BatchTerminalTests.line(buyer: "B")]
                                      .joined(separator: "\n"),
                                  terminal: true, stdinIsTerminal: false, width: 120)
        let noted = running.waitForStderr(Self.note)
        running.interruption.request(SIGINT)
        let result = running.finish()
        #expect(noted, "\(result.stderr)")
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted: 0 documents created before the stop"), "\(result.stderr)")
        holder.release()
        #expect(folio.run(["documents", "list", "-q"]).stdout.isEmpty)
    }
}
