import CommandLineKit
import FolioCore

/// `folio issuers cert generate`
enum IssuersCertGenerate: LeafCommand {
    static let days: OptionKey<Int> = .integer("days", value: "n", range: 1...3650, default: 365, help: "How many days it is valid.")

    static let spec = Command(
        "generate", abstract: "Generate a self-signed signing certificate (RSA-2048), for the sandbox.",
        discussion: "The certificate is X.509 v3 with key usage digitalSignature and nonRepudiation, its subject "
            + "carrying the issuer's legal name and RUC (serialNumber). The private key is stored encrypted with "
            + "AES-256-GCM under the store's master key. The issuer's previous certificate stays with any issuer "
            + "that shares it. The SRI accepts only certificates of an accredited authority in production: import "
            + "those with 'cert import'.",
        options: [days.option],
        arguments: [IssuersCommands.handle.argument],
        examples: [Example("folio issuers cert generate iss_… --days 365")])

    struct Options {
        var handle: String
        var days: Int
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: inv[IssuersCommands.handle], days: inv[days])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let masterKey = try context.openStore().masterKey()
        try context.perform(Issuers.generateCertificate(options.handle, days: options.days, masterKey: masterKey),
                                   present: { Presented(one: $0) }) { view in
            "issuer \(view.issuer.id) now signs with certificate \(view.certificate.id), valid until \(view.certificate.notAfter.rfc3339)"
        }
    }
}
