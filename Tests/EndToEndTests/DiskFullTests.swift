import Foundation
import Testing
import FolioTestSupport

/// A full disk, simulated with a file size limit (`ulimit -f`: writes past it fail with EFBIG,
/// SIGXFSZ being ignored): every command says `store_unavailable`, "disk full", exit 9; what
/// failed is rolled back and no staged file is left behind.
@Suite("faults: a full disk", .enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
struct DiskFullTests {
    /// Runs `folio ARGS` under `ulimit -f blocks` (1 KiB blocks).
    func limited(_ folio: FolioHarness, blocks: Int, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        let bash = try #require(ExternalTool.path("bash"))
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try ProcessRunner.run([bash, "-c", "ulimit -f \(blocks); exec '\(FolioHarness.binary)' \(quoted)"],
                                     stdin: stdin.map { Data($0.utf8) }, environment: folio.environment)
    }

    func leftovers(_ folio: FolioHarness) -> [String] {
        folio.storeFiles().map(\.path).filter { $0.hasSuffix(".tmp") || $0.contains(".tmp-") }
    }

    @Test("a batch that fills the disk: exit 9 naming it once, no document kept, the store sound")
    func batch() throws {
        let folio = try FolioHarness()
        let (_, issuer) = try folio.makeIssuer()
        let batch = (1...200).map { invoiceLine($0) }.joined(separator: "\n")
        let result = try limited(folio, blocks: 200, ["documents", "create", "--issuer", issuer, "--file", "-", "-o", "json"],
                                 stdin: batch)
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains(#""error":"store_unavailable""#) && result.stderr.contains("the disk is full"))
        #expect(result.stderr.components(separatedBy: "disk is full").count == 2, "one error for the group: \(result.stderr)")
        #expect(try folio.storedSequentials() == [])
        #expect(try folio.run(["audit", "verify"]).status == 0)
        #expect(try folio.run(["store", "check"]).status == 0)
        #expect(leftovers(folio).isEmpty)
        // With room again, the same batch signs.
        #expect(try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-q"], stdin: batch).status == 0)
    }

    @Test("a registration whose e-mail cannot be written: exit 9, no tenant, no file in the outbox")
    func register() throws {
        let folio = try FolioHarness()
        let result = try limited(folio, blocks: 0, ["tenants", "register", "--email", "ana@example.com"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("the disk is full"))
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folio.store + "/outbox")
        #expect(outbox.isEmpty, "\(outbox)")
        #expect(try folio.run(["tenants", "list", "-q"]).stdout.isEmpty)
    }

    @Test("an e-mail that cannot be staged leaves no empty file in the outbox",
          .enabled(if: ExternalTool.shouldRun("sqlite3"), "needs sqlite3"))
    func stagedMail() throws {
        let folio = try FolioHarness()
        // Another connection keeps the WAL and its index open, so folio under `ulimit -f 0` can
        // still take the write lock and run the change: what fails first is writing the
        // verification e-mail before COMMIT.
        let holder = try ChildProcess([try #require(ExternalTool.path("sqlite3")), folio.store + "/folio.db"])
        holder.write(Data("PRAGMA journal_mode;\n".utf8))
        _ = holder.readSomeStdout()
        defer { holder.closeStdin(); holder.wait() }
        let result = try limited(folio, blocks: 0, ["tenants", "register", "--email", "ana@example.com"])
        #expect(result.status == 9, "\(result.stderr)")
        #expect(result.stderr.contains("the disk is full"), "\(result.stderr)")
        let outbox = try FileManager.default.contentsOfDirectory(atPath: folio.store + "/outbox")
        #expect(outbox.isEmpty, "\(outbox)")
    }
}
