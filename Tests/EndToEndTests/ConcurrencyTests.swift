import Foundation
import Testing
import FolioTestSupport

@Suite("many processes at once")
struct ConcurrencyTests {
    @Test("8 processes registering 50 tenants each end with 400 tenants and no error")
    func parallelRegistration() throws {
        let folio = try FolioHarness()
        let failures = Failures()
        // Eight real threads (concurrentPerform would cap at the core count), one child at a time each.
        inParallel(8) { worker in
            for i in 0..<50 {
                do {
                    let r = try folio.run(["tenants", "register", "--email", "w\(worker)-\(i)@example.com", "-q"])
                    if r.status != 0 { failures.add("w\(worker)-\(i): exit \(r.status) \(r.stderr)") }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        #expect(try folio.sqlite("SELECT count(*) FROM tenants") == "400\n")
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'tenant.register'") == "400\n")
        #expect(try folio.sqlite("SELECT count(*) FROM events WHERE type = 'tenant.created'") == "400\n")
        let verify = try folio.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Runs `body(0..<count)` on `count` threads at once and waits for all of them.
func inParallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for worker in 0..<count {
        group.enter()
        Thread {
            body(worker)
            group.leave()
        }.start()
    }
    group.wait()
}
