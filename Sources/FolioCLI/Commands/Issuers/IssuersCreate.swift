import CommandLineKit
import FolioCore

/// `folio issuers create`
enum IssuersCreate: LeafCommand {
    static let spec = Command(
        "create", abstract: "Create an issuer (an establishment and emission point) for a tenant.",
        discussion: "The RUC is 13 digits ending in 001; --establishment and --point are 3 digits each, and a tenant "
            + "has one issuer per establishment and point (a second one is a conflict, exit 5). Document type 01 "
            + "(factura) is enabled. The issuer has no certificate until 'cert generate' or 'cert import', unless "
            + "--inherit-cert-from shares the certificate of another issuer of the same tenant.",
        options: [
            Option("tenant", value: "tenant", kind: TenantsCommands.handleKind, required: true, help: "The tenant: its id (ten_…) or its e-mail."),
            Option("name", value: "name", required: true, help: "A name for people, e.g. Matriz."),
            Option("ruc", value: "ruc", required: true, help: "The tenant's RUC: 13 digits ending in 001."),
            Option("establishment", value: "nnn", default: "001", help: "The establishment code (3 digits)."),
            Option("point", value: "nnn", default: "001", help: "The emission point code (3 digits)."),
            Option("address", value: "text", required: true, help: "The head office's address (dirMatriz)."),
            Option("establishment-address", value: "text", help: "The establishment's address, when not the head office's."),
            Option("legal-name", value: "text", help: "The legal name (razonSocial); default: the tenant's name."),
            Option("trade-name", value: "text", help: "The trade name (nombreComercial)."),
            Option("keeps-accounts", help: "The taxpayer is obliged to keep accounts (obligadoContabilidad SI)."),
            Option("special-taxpayer", value: "resolution", help: "The special taxpayer resolution number."),
            Option("inherit-cert-from", value: "issuer", kind: IssuersCommands.handleKind, help: "Share the certificate of this issuer (iss_…) of the same tenant."),
        ],
        examples: [
            Example("folio issuers create --tenant ana@example.com --name Matriz --ruc 1790011674001 --establishment 001 --point 001 --address \"Av. Amazonas 100, Quito\""),
            Example("folio issuers create --tenant ana@example.com --name Caja2 --ruc 1790011674001 --point 002 --address \"Av. Amazonas 100, Quito\" --inherit-cert-from iss_…"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> IssuerRegistration {
        IssuerRegistration(tenant: inv.value("tenant") ?? "", name: inv.value("name") ?? "", ruc: inv.value("ruc") ?? "",
                           legalName: inv.value("legal-name"), tradeName: inv.value("trade-name"),
                           address: inv.value("address") ?? "", establishmentAddress: inv.value("establishment-address"),
                           establishment: inv.value("establishment") ?? "001", emissionPoint: inv.value("point") ?? "001",
                           keepsAccounts: inv.flag("keeps-accounts"), specialTaxpayer: inv.value("special-taxpayer"),
                           inheritCertificateFrom: inv.value("inherit-cert-from"))
    }

    static func run(_ options: IssuerRegistration, _ context: CommandContext) throws {
        try context.perform(Issuers.create(options), present: { Presented(one: $0) }) { issuer in
            issuer.certificate == nil
                ? "created issuer \(issuer.id) (\(issuer.series)); give it a certificate with 'folio issuers cert generate \(issuer.id)' or 'cert import'"
                : "created issuer \(issuer.id) (\(issuer.series)) sharing certificate \(issuer.certificateId ?? "")"
        }
    }
}
