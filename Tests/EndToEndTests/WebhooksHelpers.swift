import Foundation
import Testing
import FolioTestSupport

extension FolioHarness {
    /// A tenant on `tier` (sandbox unless `production`), by e-mail.
    @discardableResult
    func hookTenant(_ email: String = "ana@example.com", tier: String = "starter", production: Bool = false) throws -> String {
        let id = try #require(try json(["tenants", "register", "--email", email, "--tier", tier])["id"] as? String)
        if production { try #require(try run(["tenants", "promote", id, "--force", "--yes"]).status == 0) }
        return id
    }

    /// `webhooks create` (must succeed): the endpoint with its secret.
    func hook(_ tenant: String = "ana@example.com", url: String = "https://hooks.example.com/folio",
              events: String = "*", extra: [String] = []) throws -> [String: Any] {
        try json(["webhooks", "create", "--tenant", tenant, "--url", url, "--events", events] + extra)
    }

    /// Counts of the rows a refused webhook command must not change.
    func webhookRows() throws -> String {
        try sqlite("""
            SELECT (SELECT count(*) FROM webhook_endpoints) || ' ' || (SELECT count(*) FROM webhook_messages) || ' '
                || (SELECT count(*) FROM audit_log) || ' ' || (SELECT count(*) FROM events)
                || ' ' || (SELECT group_concat(updated_at || active || events || url) FROM webhook_endpoints)
                || ' ' || (SELECT group_concat(status || next_attempt_at || replay_count) FROM webhook_messages)
            """)
    }

    /// A file in a fresh directory holding `text`.
    func file(_ name: String, _ text: String) throws -> String {
        let path = ProcessRunner.temporaryDirectory("folio-hooks") + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The JSON error body of a failed `-o json` run.
    func errorBody(_ result: ProcessResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]) ?? [:]
    }
}
