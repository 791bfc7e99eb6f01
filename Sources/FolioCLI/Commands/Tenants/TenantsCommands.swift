import CommandLineKit
import FolioCore

/// `folio tenants …`
enum TenantsCommands {
    static let group = CommandGroup(
        "tenants", abstract: "Register tenants and manage their verification, tier, language and status.",
        leaves: [TenantsRegister.self, TenantsList.self, TenantsShow.self, TenantsVerify.self,
                 TenantsResendVerification.self, TenantsSetTier.self, TenantsSetLanguage.self,
                 TenantsSuspend.self, TenantsActivate.self, TenantsPromote.self],
        examples: [
            Example("folio tenants register --email ana@example.com --name \"Ana Foods\" --tier starter"),
            Example("folio tenants verify ana@example.com --token-file token.txt"),
            Example("folio tenants list --status active -o json"),
            Example("folio tenants promote ana@example.com --yes", "move to production (asks first on a terminal)"),
        ])

    /// The tenant every per-tenant verb takes.
    static let handle: ArgumentKey<String> = .string("tenant", help: "The tenant: its id (ten_…), its e-mail or its issuers' RUC.",
                                                     kind: handleKind)
    /// Tenant ids and e-mails from the store, for every argument and option naming a tenant.
    static let handleKind = ValueKind.completing(.tenants)

    /// The line of the verification e-mail that says how to use its token.
    static let verifyHowTo = "folio tenants verify {tenant} --token-file token.txt"
}
