/// How the completion scripts ask the program itself for the candidates of a `.dynamic` value
/// (ids and e-mails that only the program's data knows).
///
/// For a `.dynamic(kind)` position the scripts run, with stderr discarded,
///
///     <the command word as typed> [forwarded options] <command> <kind> -- <prefix>
///
/// where `<prefix>` is the word being completed with its shell quoting removed, and offer each
/// line of its output. A line is `value` or `value<TAB>description`; zsh and fish show the
/// description beside the value, bash offers values only. Each shell quotes what it inserts, so
/// values may hold characters special to the shell (`+`, `*`, `'`, `=`, `:`). The command must
/// print nothing and exit 0 quickly when it cannot answer: whatever it prints lands in the
/// user's menu. It should be a hidden command, so that no help, completion or man page shows it.
public struct DynamicCompletion: Sendable {
    /// The hidden command that answers (`__complete`).
    public let command: String
    /// Long names of global options whose values on the command line being completed are passed
    /// along (`store`: complete from the store the command will use). Given as `--name value`,
    /// `--name=value` or `-s value`; a leading `~/` is expanded to `$HOME/`.
    public let forwardedOptions: [String]

    public init(command: String, forwardedOptions: [String] = []) {
        self.command = command
        self.forwardedOptions = forwardedOptions
    }
}
