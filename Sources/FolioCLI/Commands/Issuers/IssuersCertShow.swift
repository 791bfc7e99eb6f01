import CommandLineKit
import FolioCore
import FolioSupport

/// `folio issuers cert show`
enum IssuersCertShow: ShowCommand {
    static let handle = IssuersCommands.handle
    static let spec = Command(
        "show", abstract: "Show an issuer's certificate: subject, issuer, serial, validity, days left, fingerprint.",
        arguments: [handle.argument],
        examples: [Example("folio issuers cert show iss_… -o json")])

    static func fetch(_ handle: String, store: Store, now: Timestamp) throws(FolioError) -> IssuerCertificateView {
        try Issuers.showCertificate(store: store, handle: handle, now: now)
    }
}
