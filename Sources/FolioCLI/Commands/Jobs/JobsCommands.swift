import CommandLineKit
import FolioCore

/// `folio jobs …`
enum JobsCommands {
    static let group = CommandGroup(
        "jobs", abstract: "Run the periodic jobs: certificate notifications, webhook retries, idempotency clean-up.",
        leaves: [JobsRun.self],
        examples: [Example("folio jobs run", "every step once; from cron, every minute"), Example("folio jobs run -o json")])
}
