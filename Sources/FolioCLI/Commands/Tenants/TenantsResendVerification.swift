import CommandLineKit
import FolioCore

/// `folio tenants resend-verification`
enum TenantsResendVerification: LeafCommand {
    static let spec = Command(
        "resend-verification", abstract: "Send a new verification e-mail; the previous token stops working.",
        arguments: [TenantsCommands.handle.argument],
        examples: [Example("folio tenants resend-verification ana@example.com")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        inv[TenantsCommands.handle]
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        try context.perform(Tenants.resendVerification(handle, verifyHowTo: TenantsCommands.verifyHowTo), present: { Presented(one: $0) }) {
            "a new verification e-mail to \($0.email) is in the outbox; the previous token no longer works"
        }
    }
}
