import Foundation
import Testing
import FolioTestSupport

/// Issue 15's bad input: each a DESIGN §4 error naming the field; nothing sent, nothing changed.
@Suite("webhooks: bad input")
struct WebhooksBadInputTests {
    func refused(_ folio: FolioHarness, _ arguments: [String], status: Int32, field: String?,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try folio.webhookRows()
        let result = try folio.run(arguments + ["-o", "json"])
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        if let field { #expect(folio.errorBody(result)["field"] as? String == field, "\(result.stderr)", sourceLocation: sourceLocation) }
        #expect(try folio.webhookRows() == before, "\(arguments) changed the store", sourceLocation: sourceLocation)
    }

    @Test("URLs: not https, http to a non-loopback host in sandbox, a private address for production, credentials")
    func urls() throws {
        let folio = try FolioHarness()
        try folio.hookTenant()
        try folio.hookTenant("prod@example.com", production: true)
        let create = ["webhooks", "create", "--events", "*", "--tenant"]
        try refused(folio, create + ["ana@example.com", "--url", "http://hooks.example.com/x"], status: 3, field: "url")
        try refused(folio, create + ["prod@example.com", "--url", "http://localhost:8080/x"], status: 3, field: "url")
        for url in ["https://10.0.0.5/x", "https://127.0.0.1/x", "https://[::1]/x", "https://169.254.169.254/x",
                    "https://192.168.1.10/x", "https://localhost/x"] {
            try refused(folio, create + ["prod@example.com", "--url", url], status: 3, field: "url")
        }
        try refused(folio, create + ["ana@example.com", "--url", "https://u:p@hooks.example.com/x"], status: 3, field: "url")
        let allowed = try folio.hook("prod@example.com", url: "https://10.0.0.5/x", extra: ["--allow-private"])
        #expect(allowed["addressCheck"] as? String == "private_allowed")
        #expect(try folio.hook(url: "http://localhost:8080/x")["addressCheck"] as? String == "sandbox_loopback")
        let id = try #require(allowed["id"] as? String)
        try refused(folio, ["webhooks", "update", id, "--url", "https://192.168.0.1/x"], status: 3, field: "url")
    }

    @Test("an unknown event type, on create and update; a missing or malformed endpoint id")
    func eventTypes() throws {
        let folio = try FolioHarness()
        try folio.hookTenant()
        try refused(folio, ["webhooks", "create", "--tenant", "ana@example.com", "--url", "https://hooks.example.com/x",
                            "--events", "document.signed,invoice.paid"], status: 3, field: "events")
        let id = try #require(try folio.hook()["id"] as? String)
        try refused(folio, ["webhooks", "update", id, "--events", "nope"], status: 3, field: "events")
        try refused(folio, ["webhooks", "show", "whe_01JD0000000000000000000000"], status: 4, field: nil)
        try refused(folio, ["webhooks", "delete", "nope", "--yes"], status: 3, field: "webhook")
    }

    @Test("a secret file in the wrong format exits 3 naming --secret-file, for sign and verify")
    func secretFile() throws {
        let folio = try FolioHarness()
        let headers = try folio.file("h.txt", "webhook-id: evt_1\nwebhook-timestamp: 1\nwebhook-signature: v1,AAAA\n")
        for text in ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", "whsec_not base64!\n", "", "folio_test_abc\n"] {
            let secret = try folio.file("secret.txt", text)
            try refused(folio, ["webhooks", "verify", "--secret-file", secret, "--headers", headers, "--body-file", headers],
                        status: 3, field: "secret-file")
            try refused(folio, ["webhooks", "sign", "--secret-file", secret, "--id", "evt_1", "--body-file", headers],
                        status: 3, field: "secret-file")
        }
        #expect(try folio.run(["webhooks", "sign", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "--id", "x"]).status == 2,
                "no secret on the command line")
    }

    @Test("a replay range with no events exits 4 naming --since; an unknown event exits 4 naming --event; nothing changes")
    func emptyReplay() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        _ = try folio.hook()
        try refused(folio, ["webhooks", "replay", "--since", "2026-12-01"], status: 4, field: "since")
        try refused(folio, ["webhooks", "replay", "--since", "2026-01-01", "--until", "2026-02-01"], status: 4, field: "since")
        try refused(folio, ["webhooks", "replay", "--since", "7d", "--type", "export.pruned"], status: 4, field: "since")
        try refused(folio, ["webhooks", "replay", "--event", "evt_01JD0000000000000000000000"], status: 4, field: "event")
        try refused(folio, ["webhooks", "replay", "--since", "7d", "--status", "failed"], status: 4, field: "status")
        try refused(folio, ["webhooks", "replay", "--since", "7d", "--type", "nope"], status: 3, field: "type")
        try refused(folio, ["webhooks", "replay"], status: 3, field: "since")
    }

    @Test("the tier gate: a trial tenant past its trial gets plan_tier_required, exit 7, naming starter and trial")
    func tierGate() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant("trial@example.com", tier: "trial")
        #expect(try folio.hook("trial@example.com")["id"] != nil, "a trial tenant has webhooks in sandbox during its trial")
        var later = folio
        later.environment["FOLIO_NOW"] = "2027-01-15T00:00:00Z"
        let before = try later.webhookRows()
        let refused = try later.run(["webhooks", "create", "--tenant", "trial@example.com", "--url", "https://hooks.example.com/x",
                                     "--events", "*", "-o", "json"])
        #expect(refused.status == 7)
        let body = later.errorBody(refused)
        #expect(body["error"] as? String == "plan_tier_required")
        #expect(body["required"] as? String == "starter" && body["current"] as? String == "trial")
        #expect(try later.webhookRows() == before)
    }
}
