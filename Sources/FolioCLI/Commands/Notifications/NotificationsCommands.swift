import CommandLineKit
import FolioCore

/// `folio notifications …`
enum NotificationsCommands {
    static let group = CommandGroup(
        "notifications", abstract: "List a tenant's notifications, mark them read, and choose which types it gets.",
        discussion: "Notifications are made by 'folio jobs run' (certificates expiring within 30, 7 and 1 days, and "
            + "expired ones, once each) and, later, by webhook delivery. Each is also an event, notification.created.",
        leaves: [NotificationsList.self, NotificationsRead.self, NotificationsPreferences.self],
        examples: [
            Example("folio notifications list --tenant ana@example.com --unread"),
            Example("folio notifications list --since-id ntf_01JD… --all -o jsonl", "poll: what came after the last one seen"),
            Example("folio notifications read --all --tenant ana@example.com"),
            Example("folio notifications preferences --tenant ana@example.com --disable certificate.expiring"),
        ])

    /// The types, for help and completion of --enable and --disable.
    static var typeNames: String { NotificationType.allCases.map(\.rawValue).joined(separator: ", ") }
}
