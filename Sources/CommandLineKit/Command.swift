/// A command of the tree: a group (with subcommands) or a leaf that runs.
public struct Command: Sendable {
    public let name: String
    /// One line, no final period needed; shown in command lists.
    public let abstract: String
    /// Longer text shown in help and man pages; blank lines separate paragraphs.
    public let discussion: String?
    public let options: [Option]
    public let arguments: [Argument]
    public let subcommands: [Command]
    public let examples: [Example]
    /// Hidden commands run but appear in no help, completion or man page.
    public let hidden: Bool
    /// Set on a command that revokes, suspends, promotes, deletes or otherwise ends something in
    /// use: when it asks for confirmation, in one sentence ("Always.", "For a production key, and
    /// with --all."). Help, the command's man page and the program page's list of destructive
    /// commands are rendered from it, so the list cannot drift from the commands.
    public let destructive: String?

    public init(_ name: String, abstract: String, discussion: String? = nil, options: [Option] = [],
                arguments: [Argument] = [], subcommands: [Command] = [], examples: [Example] = [],
                destructive: String? = nil, hidden: Bool = false) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.examples = examples
        self.destructive = destructive
        self.hidden = hidden
    }

    /// Whether this command needs a subcommand (a group with no positionals of its own).
    var isGroup: Bool { !subcommands.isEmpty }

    func subcommand(named word: String) -> Command? {
        for sub in subcommands where sub.name == word { return sub }
        return nil
    }

    var visibleSubcommands: [Command] { subcommands.filter { !$0.hidden } }
    var visibleOptions: [Option] { options.filter { !$0.hidden } }
}
