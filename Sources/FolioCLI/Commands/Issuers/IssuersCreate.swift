import CommandLineKit
import FolioCore

/// `folio issuers create`
enum IssuersCreate: LeafCommand {
    static let tenant: OptionKey<String> = .required("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                     help: "The tenant: its id (ten_…), its e-mail or its issuers' RUC.")
    static let name: OptionKey<String> = .required("name", value: "name", help: "A name for people, e.g. Matriz.")
    static let ruc: OptionKey<String> = .required("ruc", value: "ruc", help: "The tenant's RUC: 13 digits ending in 001.")
    static let establishment: OptionKey<String> = .string("establishment", value: "nnn", default: "001",
                                                          help: "The establishment code (3 digits).")
    static let point: OptionKey<String> = .string("point", value: "nnn", default: "001", help: "The emission point code (3 digits).")
    static let address: OptionKey<String> = .required("address", value: "text", help: "The head office's address (dirMatriz).")
    static let establishmentAddress: OptionKey<String?> = .string(
        "establishment-address", value: "text", help: "The establishment's address, when not the head office's.")
    static let legalName: OptionKey<String?> = .string("legal-name", value: "text",
                                                       help: "The legal name (razonSocial); default: the tenant's name.")
    static let tradeName: OptionKey<String?> = .string("trade-name", value: "text", help: "The trade name (nombreComercial).")
    static let keepsAccounts: OptionKey<Bool> = .flag(
        "keeps-accounts", help: "The taxpayer is obliged to keep accounts (obligadoContabilidad SI).")
    static let specialTaxpayer: OptionKey<String?> = .string("special-taxpayer", value: "resolution",
                                                             help: "The special taxpayer resolution number.")
    static let inheritCertificateFrom: OptionKey<String?> = .string(
        "inherit-cert-from", value: "issuer", kind: IssuersCommands.handleKind,
        help: "Share the certificate of this issuer (iss_…) of the same tenant.")

    static let spec = Command(
        "create", abstract: "Create an issuer (an establishment and emission point) for a tenant.",
        discussion: "The RUC is 13 digits ending in 001; --establishment and --point are 3 digits each, and a tenant "
            + "has one issuer per establishment and point (a second one is a conflict, exit 5). Document type 01 "
            + "(factura) is enabled. The issuer has no certificate until 'cert generate' or 'cert import', unless "
            + "--inherit-cert-from shares the certificate of another issuer of the same tenant.",
        options: [tenant.option, name.option, ruc.option, establishment.option, point.option, address.option,
                  establishmentAddress.option, legalName.option, tradeName.option, keepsAccounts.option,
                  specialTaxpayer.option, inheritCertificateFrom.option],
        examples: [
            Example("folio issuers create --tenant ana@example.com --name Matriz --ruc 1790011674001 --establishment 001 --point 001 --address \"Av. Amazonas 100, Quito\""),
            Example("folio issuers create --tenant ana@example.com --name Caja2 --ruc 1790011674001 --point 002 --address \"Av. Amazonas 100, Quito\" --inherit-cert-from iss_…"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> IssuerRegistration {
        IssuerRegistration(tenant: inv[tenant], name: inv[name], ruc: inv[ruc], legalName: inv[legalName],
                           tradeName: inv[tradeName], address: inv[address],
                           establishmentAddress: inv[establishmentAddress], establishment: inv[establishment],
                           emissionPoint: inv[point], keepsAccounts: inv[keepsAccounts],
                           specialTaxpayer: inv[specialTaxpayer], inheritCertificateFrom: inv[inheritCertificateFrom])
    }

    static func run(_ options: IssuerRegistration, _ context: CommandContext) throws {
        try context.perform(Issuers.create(options), present: { Presented(one: $0) }) { issuer in
            issuer.certificate == nil
                ? "created issuer \(issuer.id) (\(issuer.series)); give it a certificate with 'folio issuers cert generate \(issuer.id)' or 'cert import'"
                : "created issuer \(issuer.id) (\(issuer.series)) sharing certificate \(issuer.certificateId ?? "")"
        }
    }
}
