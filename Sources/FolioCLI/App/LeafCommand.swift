import CommandLineKit
import FolioCore

/// A command that does something (a leaf of the tree): parse the invocation into a typed
/// options value, then one call into FolioCore, then output.
protocol LeafCommand {
    associatedtype Options
    static var spec: Command { get }
    /// Reads and validates everything from the invocation; no store access.
    static func options(_ invocation: Invocation, _ context: CommandContext) throws(FolioError) -> Options
    /// Runs the command. A failure is thrown: a `FolioError` (reported, its exit status), or a
    /// `ReportedFailure` after the command printed its result.
    static func run(_ options: Options, _ context: CommandContext) throws
}

extension LeafCommand {
    static func execute(_ invocation: Invocation, _ context: CommandContext) throws {
        try run(try options(invocation, context), context)
    }
}

/// Untyped `throws`: a typed-throws closure over an opened existential crashes Swift 6.3's SILGen.
typealias CommandHandler = @Sendable (Invocation, CommandContext) throws -> Void

/// A command group (a noun) lists its verbs; it has no behaviour of its own.
struct CommandGroup: Sendable {
    let spec: Command
    let leaves: [String: CommandHandler]
    let groups: [CommandGroup]

    init(_ name: String, abstract: String, discussion: String? = nil, leaves: [any LeafCommand.Type],
         groups: [CommandGroup] = [], examples: [Example] = []) {
        // `spec` is computed: build each leaf's once (start-up time).
        let leafSpecs = leaves.map { $0.spec }
        spec = Command(name, abstract: abstract, discussion: discussion,
                       subcommands: leafSpecs + groups.map(\.spec), examples: examples)
        // Sized once: each growth of a dictionary of closures re-instantiates its storage type.
        var table = [String: CommandHandler](minimumCapacity: leaves.count)
        for (leaf, leafSpec) in zip(leaves, leafSpecs) { table[leafSpec.name] = CommandGroup.handler(of: leaf) }
        self.leaves = table
        self.groups = groups
    }

    private static func handler<L: LeafCommand>(of leaf: L.Type) -> CommandHandler {
        { invocation, context in try L.execute(invocation, context) }
    }

    /// The handler of `path` below this group.
    func handler(_ path: ArraySlice<String>) -> CommandHandler? {
        guard let first = path.first else { return nil }
        if path.count == 1, let leaf = leaves[first] { return leaf }
        return groups.first { $0.spec.name == first }?.handler(path.dropFirst())
    }
}
