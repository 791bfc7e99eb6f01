import FolioCore
import FolioSupport

/// `issuers show` on a terminal: the texts its documents print, its signing certificate and the
/// document types it may issue.
extension Issuer: Detailed {
    var detail: DetailView {
        let fields = [
            DetailView.Field("Name", name), DetailView.Field("Tenant", tenantId), DetailView.Field("RUC", ruc),
            DetailView.Field("Legal name", legalName), DetailView.Field("Trade name", tradeName ?? ""),
            DetailView.Field("Series", series), DetailView.Field("Address", address),
            DetailView.Field("Establishment address", establishmentAddress ?? ""),
            DetailView.Field("Keeps accounts", keepsAccounts ? "yes" : "no"),
            DetailView.Field("Special taxpayer", specialTaxpayer ?? ""),
            DetailView.Field("Created", .time(createdAt, none: "-")), DetailView.Field("Updated", .time(updatedAt, none: "-")),
        ]
        var certificateSection = DetailView.Section(title: "Certificate", empty: "none: folio issuers cert generate \(id)")
        if let certificate {
            let state = certificate.expired ? "expired" : certificate.notYetValid ? "not yet valid" : "\(certificate.daysLeft) days left"
            certificateSection.fields = [
                DetailView.Field("Id", certificate.id), DetailView.Field("Source", certificate.source),
                DetailView.Field("Subject", certificate.subject), DetailView.Field("Issued by", certificate.issuer),
                DetailView.Field("Serial", certificate.serial),
                DetailView.Field("Valid from", .time(certificate.notBefore, none: "-")),
                DetailView.Field("Valid until", .time(certificate.notAfter, none: "-")),
                DetailView.Field("State", state), DetailView.Field("SHA-256", certificate.fingerprint),
            ]
        }
        let types = DetailView.Section(title: "Document types", rows: documentTypes.map { code in
            [.text(code), .text(SRIDocumentType(rawValue: code)?.spanishName ?? "")]
        })
        return DetailView(title: "Issuer " + id, fields: fields, sections: [certificateSection, types])
    }
}
