import FolioCore
import FolioSupport

/// `tenants show` on a terminal: every fact of the tenant, then (added by `TenantsShow`) its
/// issuers, the RUCs it can be found by.
extension Tenant: Detailed {
    var detail: DetailView {
        var fields = [DetailView.Field("E-mail", email), DetailView.Field("Name", name),
                      DetailView.Field("Status", status.rawValue)]
        if let suspendedReason { fields.append(DetailView.Field("Suspended for", suspendedReason)) }
        fields.append(DetailView.Field("Verified", .time(verifiedAt, none: "not yet")))
        fields.append(DetailView.Field("Tier", tier.rawValue))
        if tier == .trial { fields.append(DetailView.Field("Trial ends", .time(trialEndsAt, none: "-"))) }
        fields += [DetailView.Field("Environment", environment.rawValue), DetailView.Field("Language", language.rawValue),
                   DetailView.Field("Created", .time(createdAt, none: "-")),
                   DetailView.Field("Updated", .time(updatedAt, none: "-"))]
        return DetailView(title: "Tenant " + id, fields: fields)
    }

    /// The section that lists the tenant's `issuers` (one page of them; `more` when there are others).
    func issuersSection(_ issuers: [Issuer], more: Bool) -> DetailView.Section {
        var rows = issuers.map { issuer -> [DetailView.Value] in
            [.text(issuer.id), .text(issuer.ruc), .text(issuer.series), .text(issuer.name)]
        }
        if more { rows.append([.text("… more: folio issuers list --tenant \(id)")]) }
        return DetailView.Section(title: "Issuers", rows: rows)
    }
}
