import CommandLineKit
import FolioCore

/// `folio notifications preferences`
enum NotificationsPreferences: LeafCommand {
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "Required: the tenant (id, e-mail or RUC).")
    static let enable: OptionKey<[String]> = .repeated(
        "enable", value: "type", kind: .choice(NotificationType.allCases.map(\.rawValue)),
        help: "Make notifications of this type again.")
    static let disable: OptionKey<[String]> = .repeated(
        "disable", value: "type", kind: .choice(NotificationType.allCases.map(\.rawValue)),
        help: "Make no more notifications of this type for the tenant.")

    static let spec = Command(
        "preferences", abstract: "Show which notification types a tenant gets, or switch types on and off.",
        discussion: "Lists every type with on or off; a type never switched is on. A type switched off is not made for "
            + "the tenant at all; switched on again, the next 'jobs run' makes what is due then. Types: \(NotificationsCommands.typeNames). With --enable or --disable the command "
            + "changes the store (an audit entry names what changed; --dry-run and --idempotency-key apply).",
        options: [tenant.option, enable.option, disable.option],
        examples: [Example("folio notifications preferences --tenant ana@example.com"),
                   Example("folio notifications preferences --tenant ana@example.com --disable certificate.expiring")])

    struct Options {
        var tenant: String
        var enable: [String]
        var disable: [String]
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        guard let tenant = inv[tenant] else {
            throw FolioError(.usage, "missing --tenant", hint: "folio notifications preferences --tenant ana@example.com")
        }
        return Options(tenant: tenant, enable: inv[enable], disable: inv[disable])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        if options.enable.isEmpty && options.disable.isEmpty {
            let items = try Notifications.preferences(store: try context.openStore(), tenant: options.tenant)
            let list = NotificationPreferenceList(tenantId: items.first?.tenantId ?? "", items: items)
            context.console.out(context.renderer.render(Presented(document: list, rows: items)))
            return
        }
        let mutation = Notifications.setPreferences(tenant: options.tenant, enable: options.enable, disable: options.disable)
        try context.perform(mutation, present: { items in
            Presented(document: NotificationPreferenceList(tenantId: items.first?.tenantId ?? "", items: items), rows: items)
        })
    }
}
