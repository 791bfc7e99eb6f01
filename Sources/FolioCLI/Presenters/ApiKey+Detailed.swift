import FolioCore
import FolioSupport

/// `keys show` on a terminal: what a key may do (scopes, rate limit), for how long, when it was
/// last used, and why and when it was revoked. Never its secret, which the store does not hold.
extension ApiKey: Detailed {
    var detail: DetailView {
        var fields = [DetailView.Field("Start", start + "…"), DetailView.Field("Label", label ?? ""),
                      DetailView.Field("Tenant", tenantId), DetailView.Field("Environment", environment.rawValue),
                      DetailView.Field("Status", status.rawValue), DetailView.Field("Rate limit", rateLimit.description),
                      DetailView.Field("Expires", .time(expiresAt, none: "never")),
                      DetailView.Field("Last used", .time(lastUsedAt, none: "never")),
                      DetailView.Field("Created", .time(createdAt, none: "-"))]
        if let rotatedFrom { fields.append(DetailView.Field("Replaces", rotatedFrom)) }
        if let rotatedTo { fields.append(DetailView.Field("Replaced by", rotatedTo)) }
        var sections = [DetailView.Section(title: "Scopes", rows: scopes.map { scope in
            [.text(scope == "*" ? "* (full access)" : scope)]
        })]
        if let revokedAt {
            sections.append(DetailView.Section(title: "Revoked", fields: [
                DetailView.Field("At", .time(revokedAt, none: "-")),
                DetailView.Field("Reason", revokedReason ?? "none given"),
            ]))
        }
        return DetailView(title: "API key " + id, fields: fields, sections: sections)
    }
}
