import CommandLineKit
import FolioCore

/// `folio completions`
enum CompletionsCommand: LeafCommand {
    static let spec = Command(
        "completions", abstract: "Print the shell completion script for bash, zsh or fish.",
        arguments: [Argument("shell", help: "The shell.", kind: .choice(Shell.allCases.map(\.rawValue)))],
        examples: [
            Example("folio completions bash > /etc/bash_completion.d/folio"),
            Example("folio completions zsh > \"${fpath[1]}/_folio\""),
            Example("folio completions fish > ~/.config/fish/completions/folio.fish"),
        ])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Shell {
        Shell(rawValue: inv.argument("shell") ?? "") ?? .bash
    }

    static func run(_ shell: Shell, _ context: CommandContext) throws(FolioError) -> Int32 {
        context.console.out(context.program.completionScript(for: shell))
        return 0
    }
}
