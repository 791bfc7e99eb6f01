import CommandLineKit
import FolioCore

/// `folio issuers cert show`
enum IssuersCertShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show an issuer's certificate: subject, issuer, serial, validity, days left, fingerprint.",
        arguments: [IssuersCommands.handleArgument],
        examples: [Example("folio issuers cert show iss_… -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        IssuersCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let view = try Issuers.showCertificate(store: try context.openStore(), handle: handle, now: context.now)
        context.console.out(context.renderer.one(view))
        return
    }
}
