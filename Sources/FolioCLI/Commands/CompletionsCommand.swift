import CommandLineKit
import FolioCore

/// `folio completions`
enum CompletionsCommand: LeafCommand {
    static let shell: ArgumentKey<Shell> = .choice("shell", help: "The shell.")

    static let spec = Command(
        "completions", abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: "Besides commands, options and fixed values, the scripts complete what only the store knows: "
            + "tenant ids and e-mails, ids and displayed starts of API keys (of keys not revoked yet after 'keys revoke'), "
            + "issuer ids, document ids and access keys. For those they run folio itself, with the --store given on "
            + "the line being completed (else FOLIO_STORE), and offer at most 100 values; zsh and fish show a "
            + "description beside each (a tenant's name, a key's label and tenant, an issuer's name, a document's "
            + "number and buyer). Without a readable store they offer nothing, and never print an error.",
        arguments: [shell.argument],
        examples: [
            Example("folio completions bash > /etc/bash_completion.d/folio"),
            Example("folio completions zsh > \"${fpath[1]}/_folio\""),
            Example("folio completions fish > ~/.config/fish/completions/folio.fish"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Shell {
        inv[shell]
    }

    static func run(_ shell: Shell, _ context: CommandContext) throws {
        context.console.out(context.program.completionScript(for: shell))
        return
    }
}
