import CommandLineKit
import FolioCore

/// The one policy of destructive commands (`Command.destructive`, described by
/// `FolioManual.destructivePolicy`): ask on a terminal, need `--yes` elsewhere, exit 2 (usage)
/// when declined or unconfirmed, never ask in a dry run.
extension CommandContext {
    /// Whether a destructive command would ask (or, without a terminal, refuse): neither `--yes`
    /// nor `--dry-run` was given.
    var confirmationNeeded: Bool { !(globals.yes || globals.dryRun) }

    /// Asks before a destructive action: `--yes` skips it; without a terminal it fails naming
    /// --yes. Only a command marked destructive in its model may ask, so that help, the man
    /// pages and the commands that ask are one list.
    func confirm(_ question: String) throws(FolioError) {
        guard program.command(at: invocation.path)?.destructive != nil else {
            throw .server("'\(commandName)' asks for confirmation but its model does not mark it destructive")
        }
        if !confirmationNeeded { return }
        guard console.stdinIsTerminal else {
            throw FolioError(.usage, "this is a destructive action and stdin is not a terminal to confirm it",
                             hint: "pass --yes to confirm")
        }
        guard console.confirm(question) else { throw FolioError(.usage, "cancelled; nothing was changed") }
    }

    /// Runs a destructive mutation: first as a dry run, so that one that cannot succeed fails
    /// with its own error (not found, invalid state, plan tier…) before anything is asked, and
    /// so that the question can say what would happen; then asks `question` of the would-be
    /// result (nil: nothing worth asking about, such as a sandbox key); then performs it. No
    /// lock is held while a person answers: the real run checks everything again.
    func perform<R>(_ mutation: Mutation<R>, confirming question: (R) -> String?, present: (R) -> Presented,
                    message: ((R) -> String?)? = nil) throws {
        guard confirmationNeeded else {
            try perform(mutation, present: present, message: message)
            return
        }
        var check = try mutationContext()
        check.dryRun = true
        let outcome: MutationOutcome<R>
        do throws(FolioError) {
            outcome = try openStore().perform(mutation, context: check) { _ throws(FolioError) in [] }
        } catch {
            guard globals.idempotencyKey != nil else { throw error }
            // A dry run does not replay: a key used already may replay the first result where
            // the change itself now fails (a tenant suspended by that first call). Run it for
            // real with a change that fails as the dry run did, so that only a replay, which
            // changes nothing, can come of it.
            try perform(Mutation<R> { _, _ throws(FolioError) in throw error }, present: present, message: message)
            return
        }
        if let result = outcome.result, let question = question(result) { try confirm(question) }
        try perform(mutation, present: present, message: message)
    }
}
