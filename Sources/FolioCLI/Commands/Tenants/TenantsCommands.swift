import CommandLineKit
import FolioCore

/// `folio tenants …`
enum TenantsCommands {
    static let group = CommandGroup(
        "tenants", abstract: "Register tenants and manage their verification, tier, language and status.",
        leaves: [TenantsRegister.self, TenantsList.self, TenantsShow.self, TenantsVerify.self,
                 TenantsResendVerification.self, TenantsSetTier.self, TenantsSetLanguage.self,
                 TenantsSuspend.self, TenantsActivate.self, TenantsPromote.self])

    static let handleArgument = Argument("tenant", help: "The tenant: its id (ten_…) or its e-mail.", kind: handleKind)
    /// Tenant ids and e-mails from the store, for every argument and option naming a tenant.
    static let handleKind = ValueKind.completing(.tenants)
    static let tierKind = ValueKind.choice(Tier.allCases.map(\.rawValue))
    static let languageKind = ValueKind.choice(Language.allCases.map(\.rawValue))

    /// The line of the verification e-mail that says how to use its token.
    static let verifyHowTo = "folio tenants verify {tenant} --token-file token.txt"

    /// The tenant handle every per-tenant verb takes.
    static func handle(_ invocation: Invocation) -> String { invocation.argument("tenant") ?? "" }
}
