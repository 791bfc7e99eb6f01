import CommandLineKit
import FolioCore

/// `folio issuers …`
enum IssuersCommands {
    static let group = CommandGroup(
        "issuers", abstract: "Manage a tenant's issuers (points of issue), their certificates and document types.",
        leaves: [IssuersCreate.self, IssuersList.self, IssuersShow.self],
        groups: [certificates, documentTypes],
        examples: [
            Example("folio issuers create --tenant ana@example.com --name Matriz --ruc 1790011674001 --establishment 001 "
                    + "--point 001 --address \"Av. Amazonas 100, Quito\""),
            Example("folio issuers cert import iss_… --p12 firma.p12 --password-env P12_PASSWORD"),
            Example("folio issuers list --tenant ana@example.com -o json"),
        ])

    static let certificates = CommandGroup(
        "cert", abstract: "Generate, import and show an issuer's signing certificate.",
        leaves: [IssuersCertGenerate.self, IssuersCertImport.self, IssuersCertShow.self],
        examples: [
            Example("folio issuers cert generate iss_… --days 365", "a self-signed certificate, for the sandbox"),
            Example("folio issuers cert import iss_… --p12 firma.p12 --password-env P12_PASSWORD", "the real one, for production"),
            Example("folio issuers cert show iss_…"),
        ])

    static let documentTypes = CommandGroup(
        "doc-types", abstract: "List, enable and disable the SRI document types an issuer may issue.",
        leaves: [IssuersDocTypesList.self, IssuersDocTypesEnable.self, IssuersDocTypesDisable.self],
        examples: [Example("folio issuers doc-types list iss_…"), Example("folio issuers doc-types enable iss_… 04 05")])

    /// The issuer every per-issuer verb takes.
    static let handle: ArgumentKey<String> = .string("issuer", help: "The issuer's id (iss_…).", kind: handleKind)
    /// Issuer ids from the store, for every argument and option naming an issuer.
    static let handleKind = ValueKind.completing(.issuers)
    /// The document type codes of `doc-types enable` and `disable`.
    static let types: ArgumentKey<[String]> = .repeated("type", help: "SRI document type codes: 01 factura, 03 liquidación "
        + "de compra, 04 nota de crédito, 05 nota de débito, 06 guía de remisión, 07 comprobante de retención.")
}
