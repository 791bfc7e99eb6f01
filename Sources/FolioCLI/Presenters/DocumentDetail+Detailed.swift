import FolioCore
import FolioSupport

/// `documents show` on a terminal: what the document is, whom it was issued to, its totals,
/// how many lines it has and its status history.
extension DocumentDetail: Detailed {
    var detail: DetailView {
        let d = document
        let type = SRIDocumentType(rawValue: d.documentType).map { "\(d.documentType) \($0.spanishName)" } ?? d.documentType
        let fields = [
            DetailView.Field("Number", d.number), DetailView.Field("Access key", d.accessKey), DetailView.Field("Type", type),
            DetailView.Field("Status", d.status.rawValue), DetailView.Field("Issue date", d.issueDate),
            DetailView.Field("Environment", d.environment.rawValue), DetailView.Field("Tenant", d.tenantId),
            DetailView.Field("Issuer", d.issuerId), DetailView.Field("Items", itemCount.map(String.init) ?? "unreadable"),
            DetailView.Field("Signed with", "\(d.certificateId) (profile \(d.profile))"),
            DetailView.Field("Created", .time(d.createdAt, none: "-")),
        ]
        let summary = d.summary
        let buyer = summary["buyer"]
        let identificationType = buyer?["identificationType"]?.stringValue
        let idName = identificationType.flatMap(BuyerIdentificationType.init(rawValue:))?.spanishName ?? identificationType ?? ""
        var buyerFields = [DetailView.Field("Name", buyer?["name"]?.stringValue ?? ""),
                           DetailView.Field("Identification", (buyer?["identification"]?.stringValue ?? "") + " (\(idName))")]
        if let email = buyer?["email"]?.stringValue { buyerFields.append(DetailView.Field("E-mail", email)) }

        func amount(_ key: String) -> String { summary[key]?.stringValue ?? "" }
        var totals = [DetailView.Field("Subtotal", amount("subtotal")), DetailView.Field("Discount", amount("totalDiscount"))]
        if case .array(let taxes)? = summary["taxes"] {
            for tax in taxes {
                let rate = tax["rateCode"]?.stringValue.flatMap(IVARate.init(rawValue:))?.label ?? "tax \(tax["code"]?.stringValue ?? "?")"
                totals.append(DetailView.Field(rate, "\(tax["value"]?.stringValue ?? "") on \(tax["base"]?.stringValue ?? "")"))
            }
        }
        totals += [DetailView.Field("Tax", amount("totalTax")), DetailView.Field("Tip", amount("tip")),
                   DetailView.Field("Total", amount("total") + " " + (summary["currency"]?.stringValue ?? ""))]

        let history = DetailView.Section(title: "Status history", rows: history.map { entry in
            [.time(entry.time, none: "-"), .text(entry.action), .text(entry.outcome), .text("by " + entry.actor)]
        })
        return DetailView(title: "Document " + d.id, fields: fields,
                          sections: [DetailView.Section(title: "Buyer", fields: buyerFields),
                                     DetailView.Section(title: "Totals", fields: totals), history])
    }
}
