/// The whole command-line interface: the command tree, the global options, and what the
/// program says about itself in help, completions and man pages.
public struct Program: Sendable {
    public let name: String
    public let version: String
    /// The program itself; its subcommands are the top-level commands.
    public let root: Command
    /// Options accepted at any position, before or after the command words.
    public let globalOptions: [Option]
    /// The EXIT STATUS section of the program's man page (none when empty), made only when the
    /// man pages are: parsing, which every start pays for, never needs it.
    public var exitStatuses: [ExitStatus] { makeExitStatuses() }
    private let makeExitStatuses: @Sendable () -> [ExitStatus]
    /// What help and the man pages say beyond the command tree (the FILES section, environment
    /// variables that no option reads, how destructive commands confirm), made only when asked
    /// for, like `exitStatuses`.
    public var manual: Manual { makeManual() }
    private let makeManual: @Sendable () -> Manual
    /// The hidden command that completion scripts run for `.dynamic` values; nil offers nothing
    /// for them.
    public let dynamicCompletion: DynamicCompletion?

    public init(name: String, version: String, root: Command, globalOptions: [Option],
                exitStatuses: @escaping @autoclosure @Sendable () -> [ExitStatus] = [],
                manual: @escaping @autoclosure @Sendable () -> Manual = Manual(),
                dynamicCompletion: DynamicCompletion? = nil) {
        self.name = name
        self.version = version
        self.root = root
        self.globalOptions = globalOptions
        self.makeExitStatuses = exitStatuses
        self.makeManual = manual
        self.dynamicCompletion = dynamicCompletion
    }

    /// The command at `path` (program name excluded), or nil when no such command exists.
    public func command(at path: [String]) -> Command? {
        var command = root
        for word in path {
            guard let sub = command.subcommand(named: word) else { return nil }
            command = sub
        }
        return command
    }

    /// `folio tenants register` for `["tenants", "register"]`.
    func commandLine(_ path: [String]) -> String {
        path.isEmpty ? name : name + " " + path.joined(separator: " ")
    }

    /// Every visible command below the root with its path, depth first in declaration order.
    func visibleCommands() -> [(path: [String], command: Command)] {
        var result: [(path: [String], command: Command)] = []
        func walk(_ command: Command, _ path: [String]) {
            for sub in command.visibleSubcommands {
                result.append((path + [sub.name], sub))
                walk(sub, path + [sub.name])
            }
        }
        walk(root, [])
        return result
    }

    /// The options in effect for a command: its own, then the global ones it does not shadow.
    func optionsInScope(of command: Command) -> [Option] {
        var options = command.options
        for global in globalOptions where !command.options.contains(where: { $0.long == global.long }) {
            options.append(global)
        }
        return options
    }
}

/// One line of a man page's EXIT STATUS section.
public struct ExitStatus: Sendable {
    public let code: Int
    public let meaning: String

    public init(_ code: Int, _ meaning: String) {
        self.code = code
        self.meaning = meaning
    }
}

/// The program's text for help and man pages that is not part of any command.
public struct Manual: Sendable {
    /// How every destructive command confirms (shown before the list of them in the program's
    /// man page, and with the command's own condition in its help and page); nil leaves it out.
    public var destructivePolicy: String?
    /// Environment variables read other than through an option's `env` (which the ENVIRONMENT
    /// section lists by itself), in the order to show them.
    public var environment: [ManualItem]
    /// The FILES section: paths (`folio.db`, `master.key`) and what they are.
    public var files: [ManualItem]

    public init(destructivePolicy: String? = nil, environment: [ManualItem] = [], files: [ManualItem] = []) {
        self.destructivePolicy = destructivePolicy
        self.environment = environment
        self.files = files
    }
}

/// One entry of a man page list: an environment variable or a path, and what it means.
public struct ManualItem: Sendable {
    public let name: String
    public let meaning: String

    public init(_ name: String, _ meaning: String) {
        self.name = name
        self.meaning = meaning
    }
}

/// What a parse asks the program to do.
public enum ParseOutcome: Sendable {
    /// Run this command.
    case run(Invocation)
    /// Print this help text to stdout and exit 0.
    case help(String)
    /// Print this version line (`folio 1.2.0`) to stdout and exit 0.
    case version(String)
}
