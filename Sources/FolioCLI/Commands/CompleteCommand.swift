import CommandLineKit
import FolioCore

/// `folio __complete KIND [--] PREFIX` (hidden): what the completion scripts run for a
/// `.dynamic` value. Prints one `value<TAB>description` line per candidate of KIND starting
/// with PREFIX (at most `Completions.defaultLimit`), from the store of `--store`/`FOLIO_STORE`.
///
/// Whatever it prints lands in the user's menu, so it never prints an error: an unknown kind, a
/// missing, locked, corrupt or newer store all print nothing and exit 0. The store is opened
/// read-only, not migrated, and a lock is waited for at most `busyTimeoutMilliseconds`.
enum CompleteCommand: LeafCommand {
    static let name = "__complete"
    /// Long enough to ride out a checkpoint, short enough that a held lock never stalls a prompt.
    static let busyTimeoutMilliseconds: Int32 = 100

    /// Plain text, not a choice: an unknown kind prints nothing rather than a parse error.
    static let kind: ArgumentKey<String> = .string("kind", help: "tenants, keys, unrevoked-keys, issuers or documents.")
    static let prefix: ArgumentKey<String?> = .optional("prefix", help: "The word being completed, unquoted.")

    static let spec = Command(
        name, abstract: "Print completion candidates of KIND that start with PREFIX (for the completion scripts).",
        arguments: [kind.argument, prefix.argument], hidden: true)

    struct Options {
        var kind: CompletionKind?
        var prefix: String
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(kind: CompletionKind(rawValue: inv[kind]), prefix: inv[prefix] ?? "")
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        guard let kind = options.kind else { return }
        let candidates: [CompletionCandidate]
        do {
            let store = try context.stores.openReadOnly(location: context.globals.storeLocation,
                                                        busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                                        environment: context.environment)
            candidates = try Completions.candidates(kind, prefix: options.prefix, store: store)
        } catch {
            return
        }
        var out: [UInt8] = []
        for candidate in candidates where !candidate.value.unicodeScalars.contains(where: isControl) {
            out += candidate.value.utf8
            out.append(0x09)
            // A tab or line break in a name would split the line; the menu shows a space.
            out += String(String.UnicodeScalarView(candidate.description.unicodeScalars.map { isControl($0) ? " " : $0 })).utf8
            out.append(0x0A)
        }
        context.console.out(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// Whether `arguments` ask for this command (its name is the first command word), so that a
    /// parse error (a bad `FOLIO_OUTPUT`, say) is kept from the prompt too.
    static func isRequested(_ arguments: [String]) -> Bool {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return false }
            if !word.hasPrefix("-") || word == "-" { return word == name }
            let takesValue = GlobalOptions.specs.contains { option in
                !option.isFlag && (word == "--" + option.long || option.short.map { "-\($0)" } == word)
            }
            index += takesValue ? 2 : 1
        }
        return false
    }
}
