import Foundation
import Testing
import FolioTestSupport

/// `webhooks create|list|show|update|delete|rotate-secret|replay` and `events list` through the
/// built binary.
@Suite("webhooks: endpoints, fan-out, replay")
struct WebhooksTests {
    @Test("create prints the whsec_ secret once; it is sealed in the store, absent from list, show, audit and events")
    func lifecycle() throws {
        let folio = try FolioHarness()
        let tenant = try folio.hookTenant()
        let made = try folio.hook(events: "document.signed,key.revoked")
        let id = try #require(made["id"] as? String)
        let secret = try #require(made["secret"] as? String)
        #expect(id.hasPrefix("whe_") && secret.hasPrefix("whsec_") && made["tenantId"] as? String == tenant)
        #expect(made["events"] as? [String] == ["document.signed", "key.revoked"])
        #expect(["unresolved", "resolved_public"].contains(made["addressCheck"] as? String ?? ""))
        for command in [["webhooks", "show", id], ["webhooks", "list"], ["audit", "list"], ["events", "list"]] {
            let out = try folio.run(command + ["-o", "json"])
            // Computed apart from #expect, which would print the secret it failed on.
            let leaked = out.stdout.contains(secret)
            #expect(out.status == 0 && !leaked, "\(command)")
        }
        let inStore = folio.storeFiles().contains { $0.bytes.range(of: Data(secret.utf8)) != nil }
        #expect(!inStore, "the secret is stored sealed only")
        let updated = try folio.json(["webhooks", "update", id, "--events", "*", "--active", "no"])
        #expect(updated["active"] as? Bool == false && updated["events"] as? [String] == ["*"])
        let unconfirmed = try folio.run(["webhooks", "delete", id])
        #expect(unconfirmed.status == 2 && unconfirmed.stderr.contains("--yes"))
        let deleted = try folio.json(["webhooks", "delete", id, "--yes"])
        #expect(deleted["status"] as? String == "deleted")
        #expect(try folio.run(["webhooks", "update", id, "--active", "yes"]).status == 5)
        #expect(try folio.json(["webhooks", "list"])["items"] as? [Any] != nil)
        #expect((try folio.json(["webhooks", "list"])["items"] as? [Any])?.isEmpty == true)
        #expect((try folio.json(["webhooks", "list", "--include-deleted"])["items"] as? [Any])?.count == 1)
        #expect(try folio.sqlite("SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE target_id = '\(id)' ORDER BY seq)")
                == "webhook.create webhook.update webhook.delete\n")
        #expect(try folio.sqlite("SELECT group_concat(type, ' ') FROM (SELECT type FROM events WHERE target_id = '\(id)' ORDER BY seq)")
                == "webhook.created webhook.updated webhook.deleted\n")
        #expect(try folio.run(["audit", "verify"]).status == 0)
    }

    @Test("rotate-secret: a new secret, the previous one signs through the grace")
    func rotateSecret() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        let made = try folio.hook()
        let id = try #require(made["id"] as? String)
        let rotated = try folio.json(["webhooks", "rotate-secret", id, "--grace", "24h"])
        #expect(rotated["secret"] as? String != made["secret"] as? String)
        #expect(rotated["previousSecretExpiresAt"] as? String == "2026-11-24T10:20:00Z")
        #expect(try folio.run(["webhooks", "rotate-secret", id, "--grace", "8d"]).status == 3)
        #expect(try folio.sqlite("SELECT previous_sealed_secret IS NOT NULL FROM webhook_endpoints") == "1\n")
    }

    @Test("a batch of documents: one message per document per matching active endpoint, pending, due at the event")
    func batchFanOut() throws {
        let folio = try FolioHarness()
        let (tenant, issuer) = try folio.exportFixture(count: 0, tier: "starter")
        _ = try folio.hook(events: "document.signed")
        _ = try folio.hook(events: "*")
        _ = try folio.hook(events: "key.revoked")
        let off = try #require(try folio.hook(events: "document.signed")["id"] as? String)
        #expect(try folio.run(["webhooks", "update", off, "--active", "no"]).status == 0)
        try folio.hookTenant("bob@example.com")
        _ = try folio.hook("bob@example.com", events: "*")
        let line = #"{"buyer":{"identificationType":"07","identification":"9999999999999","name":"CONSUMIDOR FINAL"},"items":[{"code":"A","description":"A","quantity":"1","unitPrice":"2.50","ivaRate":"4"}]}"#
        let created = try folio.run(["documents", "create", "--issuer", issuer, "--file", "-", "-q"],
                                    stdin: [line, line, line].joined(separator: "\n"))
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try folio.sqlite("""
            SELECT count(*) || ' ' || count(DISTINCT m.event_id) || ' ' || sum(m.status = 'pending' AND m.attempt_count = 0
                AND m.next_attempt_at = e.created_at) FROM webhook_messages m JOIN events e ON e.id = m.event_id
            WHERE e.type = 'document.signed' AND e.tenant_id = '\(tenant)'
            """) == "6 3 6\n")
    }

    @Test("events list: evt_ ids, --type and --since filter; an unknown type is refused naming --type")
    func eventsList() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        _ = try folio.hook()
        let listed = try folio.json(["events", "list", "--type", "webhook.created", "--since", "2026-11-23"])
        let items = try #require(listed["items"] as? [[String: Any]])
        #expect(items.count == 1 && (items[0]["id"] as? String)?.hasPrefix("evt_") == true)
        #expect((try folio.json(["events", "list", "--since", "2026-11-24"])["items"] as? [Any])?.isEmpty == true)
        let bad = try folio.run(["events", "list", "--type", "nope", "-o", "json"])
        #expect(bad.status == 3 && folio.errorBody(bad)["field"] as? String == "type")
    }

    @Test("replay: one event keeps its webhook-id; --dry-run lists and changes nothing; never-sent reaches a later endpoint")
    func replay() throws {
        let folio = try FolioHarness(environment: ["FOLIO_NOW": TestClock.rfc3339])
        try folio.hookTenant()
        let first = try #require(try folio.hook()["id"] as? String)
        let event = try #require(try folio.sqlite("SELECT id FROM events WHERE target_id = '\(first)'").split(separator: "\n").first)
        let rows = try folio.webhookRows()
        let dry = try folio.json(["webhooks", "replay", "--event", String(event), "--dry-run"])
        #expect((dry["items"] as? [[String: Any]])?.first?["webhookId"] as? String == String(event))
        #expect(try folio.webhookRows() == rows)
        let done = try folio.json(["webhooks", "replay", "--event", String(event)])
        #expect((done["items"] as? [[String: Any]])?.first?["previousStatus"] as? String == "pending")
        #expect(try folio.sqlite("SELECT event_id, replay_count FROM webhook_messages WHERE endpoint_id = '\(first)'")
                == "\(event)|1\n")
        let later = try #require(try folio.hook(events: "webhook.created")["id"] as? String)
        let caught = try folio.json(["webhooks", "replay", "--since", "1h", "--endpoint", later, "--status", "never-sent", "--rate", "1"])
        let items = try #require(caught["items"] as? [[String: Any]])
        #expect(items.count == 1 && items[0]["webhookId"] as? String == String(event) && items[0]["previousStatus"] is NSNull)
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'webhook.replay'") == "2\n")
    }
}
