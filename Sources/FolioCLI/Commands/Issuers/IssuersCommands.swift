import CommandLineKit
import FolioCore

/// `folio issuers …`
enum IssuersCommands {
    static let group = CommandGroup(
        "issuers", abstract: "Manage a tenant's issuers (points of issue), their certificates and document types.",
        leaves: [IssuersCreate.self, IssuersList.self, IssuersShow.self],
        groups: [certificates, documentTypes])

    static let certificates = CommandGroup(
        "cert", abstract: "Generate, import and show an issuer's signing certificate.",
        leaves: [IssuersCertGenerate.self, IssuersCertImport.self, IssuersCertShow.self])

    static let documentTypes = CommandGroup(
        "doc-types", abstract: "List, enable and disable the SRI document types an issuer may issue.",
        leaves: [IssuersDocTypesList.self, IssuersDocTypesEnable.self, IssuersDocTypesDisable.self])

    static let handleArgument = Argument("issuer", help: "The issuer's id (iss_…).", kind: handleKind)
    /// Issuer ids from the store, for every argument and option naming an issuer.
    static let handleKind = ValueKind.completing(.issuers)
    static let typesArgument = Argument("type", help: "SRI document type codes: 01 factura, 03 liquidación de compra, "
        + "04 nota de crédito, 05 nota de débito, 06 guía de remisión, 07 comprobante de retención.", repeated: true)

    static func handle(_ invocation: Invocation) -> String { invocation.argument("issuer") ?? "" }
}
