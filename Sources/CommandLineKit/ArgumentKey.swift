/// A typed positional argument: the `Argument` that goes into a command's spec together with how
/// its value is read (see `OptionKey`).
///
///     static let handle: ArgumentKey<String> = .string("tenant", help: "The tenant: its id or its e-mail.")
///     Command("show", abstract: "…", arguments: [handle.argument])
///     let handle = invocation[handle]
///
/// Reading trusts the parser, which failed on a missing required argument and checked every
/// value against the argument's kind.
public struct ArgumentKey<Value>: Sendable {
    /// The spec of the argument, for the command's `arguments`.
    public let argument: Argument
    private let read: @Sendable (Invocation) -> Value

    /// A key that reads its value with `read`; the factories below cover the usual kinds.
    public init(_ argument: Argument, read: @escaping @Sendable (Invocation) -> Value) {
        self.argument = argument
        self.read = read
    }

    func value(in invocation: Invocation) -> Value { read(invocation) }
}

extension Invocation {
    /// The typed value of the positional argument `key`.
    public subscript<Value>(key: ArgumentKey<Value>) -> Value { key.value(in: self) }

    /// The value of a required positional, which the parser guarantees.
    @usableFromInline func guaranteedArgument(_ argument: Argument) -> String {
        guard let value = self.argument(argument.name) else {
            preconditionFailure("<\(argument.name)> has no value: is it in the spec of '\(path.joined(separator: " "))'?")
        }
        return value
    }
}

extension ArgumentKey where Value == String {
    /// A required word.
    @inlinable public static func string(_ name: String, help: String, kind: ValueKind = .string) -> ArgumentKey {
        let argument = Argument(name, help: help, kind: kind)
        return ArgumentKey(argument) { $0.guaranteedArgument(argument) }
    }

    /// The same argument, optional: for a command that can name the thing another way.
    public var optional: ArgumentKey<String?> {
        .optional(argument.name, help: argument.help, kind: argument.kind)
    }
}

extension ArgumentKey where Value == String? {
    /// A word that may be left out; nil then.
    @inlinable public static func optional(_ name: String, help: String, kind: ValueKind = .string) -> ArgumentKey {
        ArgumentKey(Argument(name, help: help, optional: true, kind: kind)) { $0.argument(name) }
    }
}

extension ArgumentKey where Value == [String] {
    /// Every remaining word (at least one unless `optional`), in order.
    @inlinable public static func repeated(_ name: String, help: String, optional: Bool = false,
                                kind: ValueKind = .string) -> ArgumentKey {
        ArgumentKey(Argument(name, help: help, optional: optional, repeated: true, kind: kind)) { $0.arguments(name) }
    }
}

extension ArgumentKey where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// A required word that is one of the cases of an enum, offered and checked by their raw
    /// values in declaration order.
    @inlinable public static func choice(_ name: String, help: String) -> ArgumentKey {
        let argument = Argument(name, help: help, kind: .choice(Value.allCases.map { $0.rawValue }))
        return ArgumentKey(argument) { invocation in
            let word = invocation.guaranteedArgument(argument)
            guard let value = Value(rawValue: word) else {
                preconditionFailure("<\(name)> '\(word)' passed the parser but is not a choice")
            }
            return value
        }
    }
}
