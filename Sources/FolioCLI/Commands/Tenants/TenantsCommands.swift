import CommandLineKit
import FolioCore

/// `folio tenants …`
enum TenantsCommands {
    static let group = CommandGroup(
        "tenants", abstract: "Register tenants and manage their verification, tier, language and status.",
        leaves: [TenantsRegister.self, TenantsList.self, TenantsShow.self, TenantsVerify.self,
                 TenantsResendVerification.self, TenantsSetTier.self, TenantsSetLanguage.self,
                 TenantsSuspend.self, TenantsActivate.self, TenantsPromote.self])

    /// The tenant every per-tenant verb takes.
    static let handle: ArgumentKey<String> = .string("tenant", help: "The tenant: its id (ten_…), its e-mail or its issuers' RUC.",
                                                     kind: handleKind)
    /// Tenant ids and e-mails from the store, for every argument and option naming a tenant.
    static let handleKind = ValueKind.completing(.tenants)

    /// The line of the verification e-mail that says how to use its token.
    static let verifyHowTo = "folio tenants verify {tenant} --token-file token.txt"
}
