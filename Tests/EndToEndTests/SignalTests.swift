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
}
