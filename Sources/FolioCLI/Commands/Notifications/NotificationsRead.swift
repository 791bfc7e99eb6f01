import CommandLineKit
import FolioCore

/// `folio notifications read`
enum NotificationsRead: LeafCommand {
    static let ids: ArgumentKey<[String]> = .repeated("notification", help: "The notifications to mark read (ntf_…).",
                                                      optional: true)
    static let all: OptionKey<Bool> = .flag("all", help: "Mark every unread notification of --tenant read.")
    static let tenant: OptionKey<String?> = .string("tenant", value: "tenant", kind: TenantsCommands.handleKind,
                                                    help: "With --all: the tenant whose notifications to mark read.")

    static let spec = Command(
        "read", abstract: "Mark notifications read: those named, or every unread one of a tenant with --all --tenant T.",
        discussion: "Each notification marked gets an audit entry (notification.read). One read already keeps its first "
            + "read time. An id that is not a notification's fails the whole call, and nothing is marked.",
        options: [all.option, tenant.option],
        arguments: [ids.argument],
        examples: [Example("folio notifications read ntf_01JD… ntf_01JE…"),
                   Example("folio notifications read --all --tenant ana@example.com")])

    struct Options {
        var ids: [String]
        var tenant: String?
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let ids = inv[Self.ids], tenant = inv[Self.tenant]
        if inv[all] {
            guard tenant != nil else {
                throw FolioError(.usage, "--all needs --tenant: it marks every unread notification of one tenant read",
                                 hint: "folio notifications read --all --tenant ana@example.com")
            }
            guard ids.isEmpty else { throw FolioError(.usage, "--all takes no notification ids: it marks all of --tenant read") }
            return Options(ids: [], tenant: tenant)
        }
        guard !ids.isEmpty else { throw FolioError(.usage, "name the notifications to mark read, or use --all --tenant T") }
        guard tenant == nil else { throw FolioError(.usage, "--tenant goes with --all only") }
        return Options(ids: ids, tenant: nil)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Notifications.markRead(ids: options.ids, tenant: options.tenant), present: { reading in
            Presented(document: reading, rows: reading.notifications)
        }) { reading in
            reading.notifications.isEmpty ? "no unread notifications" : "marked \(reading.marked) of \(reading.notifications.count) read"
        }
    }
}
