import CommandLineKit
import FolioCore

/// `folio jobs …`
enum JobsCommands {
    static let group = CommandGroup(
        "jobs", abstract: "Run the periodic jobs: certificate notifications, webhook retries, idempotency clean-up.",
        leaves: [JobsRun.self],
        examples: [Example("* * * * * folio jobs run -q", "a crontab line: every minute")])
}
