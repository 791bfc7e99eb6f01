import Testing
@testable import FolioCore
import FolioSupport

/// The thresholds of certificate notifications at their edges, without a store or a clock.
@Suite("certificate expiry thresholds")
struct CertificateExpiryTests {
    let end = Timestamp(seconds: 2_000_000_000)
    func at(secondsLeft: Int64) -> Int? { CertificateExpiry.threshold(notAfter: end, now: end.adding(seconds: -secondsLeft)) }

    @Test("the tightest threshold the time left is within: 30, 7, 1 days; 0 from the end on; nil beyond 30 days")
    func edges() {
        let day: Int64 = 86_400
        #expect(at(secondsLeft: 30 * day + 1) == nil)
        #expect(at(secondsLeft: 30 * day) == 30)
        #expect(at(secondsLeft: 7 * day + 1) == 30)
        #expect(at(secondsLeft: 7 * day) == 7)
        #expect(at(secondsLeft: day + 1) == 7)
        #expect(at(secondsLeft: day) == 1)
        #expect(at(secondsLeft: 1) == 1)
        #expect(at(secondsLeft: 0) == 0)
        #expect(at(secondsLeft: -400 * day) == 0)
    }

    @Test("a draft names the first issuer, counts the others, carries the threshold, and names no command")
    func draft() {
        let certificate = CertificateInUse(id: "crt_1", tenantId: "ten_1", subject: "CN=Ana", notAfter: end,
                                           issuers: [(id: "iss_1", name: "Matriz", series: "001-001", ruc: "1790011674001"),
                                                     (id: "iss_2", name: "Sucursal", series: "002-001", ruc: "1790011674001")])
        let seven = CertificateExpiry.draft(certificate, threshold: 7, now: end.adding(seconds: -5 * 86_400))
        #expect(seven.type == .certificateExpiring && seven.threshold == 7 && seven.issuerId == "iss_1")
        #expect(seven.title.contains("7 days") && seven.message.contains("and 1 more"))
        #expect(seven.details["threshold"] == .int(7) && seven.details["daysLeft"] == .int(5))
        let expired = CertificateExpiry.draft(certificate, threshold: 0, now: end)
        #expect(expired.type == .certificateExpired && expired.threshold == 0)
        for text in [seven.title, seven.message, expired.title, expired.message] {
            #expect(!text.contains("folio") && !text.contains("--"), "\(text)")
        }
    }
}
