/// A typed option: the `Option` that goes into a command's spec together with how its resolved
/// value is read, so that the name, the default and the conversion are written once.
///
///     enum Plan: String, CaseIterable, Sendable { case trial, pro }
///     static let plan: OptionKey<Plan> = .choice("plan", value: "plan", default: .trial, help: "The plan.")
///     Command("register", abstract: "…", options: [plan.option])
///     let plan = invocation[plan]   // a Plan: command line, else environment, else .trial
///
/// Reading trusts the parser: it has checked every value against the option's kind and failed
/// on a missing required one. Read a key only from an invocation of the command whose spec
/// holds its `option`; a required value that is not there stops the program.
public struct OptionKey<Value>: Sendable {
    /// The spec of the option, for the command's `options`.
    public let option: Option
    private let read: @Sendable (Invocation) -> Value

    /// A key that reads its value with `read`; the factories below cover the usual kinds.
    public init(_ option: Option, read: @escaping @Sendable (Invocation) -> Value) {
        self.option = option
        self.read = read
    }

    func value(in invocation: Invocation) -> Value { read(invocation) }
}

extension Invocation {
    /// The typed value of `key` (command line, else environment, else default).
    public subscript<Value>(key: OptionKey<Value>) -> Value { key.value(in: self) }

    /// Where the value of `key` came from.
    public func source<Value>(_ key: OptionKey<Value>) -> ValueSource { source(key.option.long) }

    /// The last value of a non-flag option that the parser guarantees (required, or defaulted).
    @usableFromInline func guaranteedValue(_ option: Option) -> String {
        guard let value = value(option.long) else {
            preconditionFailure("--\(option.long) has no value: is it in the spec of '\(path.joined(separator: " "))'?")
        }
        return value
    }
}

extension OptionKey where Value == String? {
    /// Text, nil when neither the command line nor the environment gives it.
    @inlinable public static func string(_ long: String, short: Character? = nil, value: String, kind: ValueKind = .string,
                              env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: kind, env: env, help: help, hidden: hidden)
        return OptionKey(option) { $0.value(long) }
    }
}

extension OptionKey where Value == String {
    /// Text the command cannot run without: the parser fails naming the option when it is absent.
    @inlinable public static func required(_ long: String, short: Character? = nil, value: String, kind: ValueKind = .string,
                                env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: kind, required: true, env: env, help: help,
                            hidden: hidden)
        return OptionKey(option) { $0.guaranteedValue(option) }
    }

    /// Text with a default, which help shows.
    @inlinable public static func string(_ long: String, short: Character? = nil, value: String, kind: ValueKind = .string,
                              default: String, env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: kind, default: `default`, env: env, help: help,
                            hidden: hidden)
        return OptionKey(option) { $0.guaranteedValue(option) }
    }
}

extension OptionKey where Value == Bool {
    /// A flag: on when given, or when its environment variable is set, non-empty and not "0"/"false".
    @inlinable public static func flag(_ long: String, short: Character? = nil, env: String? = nil, help: String,
                            hidden: Bool = false) -> OptionKey {
        OptionKey(Option(long, short: short, env: env, help: help, hidden: hidden)) { $0.flag(long) }
    }
}

extension OptionKey where Value == Int {
    /// A whole number within `range` (any when nil), `default` when not given.
    @inlinable public static func integer(_ long: String, short: Character? = nil, value: String, range: ClosedRange<Int>?,
                               default: Int, env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: .integer(range), default: String(`default`),
                            env: env, help: help, hidden: hidden)
        return OptionKey(option) { Int($0.guaranteedValue(option)) ?? `default` }
    }
}

extension OptionKey where Value == [String] {
    /// An option that may be given several times: every value in the order given (or the single
    /// environment value), empty when absent.
    @inlinable public static func repeated(_ long: String, short: Character? = nil, value: String, kind: ValueKind = .string,
                                env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: kind, repeated: true, env: env, help: help,
                            hidden: hidden)
        return OptionKey(option) { $0.values(long) }
    }
}

extension OptionKey where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of the cases of an enum, offered and checked by their raw values in declaration order;
    /// `default` when not given.
    @inlinable public static func choice(_ long: String, short: Character? = nil, value: String, default: Value,
                              env: String? = nil, help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: .choice(Value.allCases.map { $0.rawValue }),
                            default: `default`.rawValue, env: env, help: help, hidden: hidden)
        return OptionKey(option) { Value(rawValue: $0.guaranteedValue(option)) ?? `default` }
    }
}

extension OptionKey {
    /// One of the cases of an enum (see `choice(_:default:)`), nil when not given.
    @inlinable public static func choice<Choice>(_ long: String, short: Character? = nil, value: String, env: String? = nil,
                                      help: String, hidden: Bool = false) -> OptionKey
    where Value == Choice?, Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        let option = Option(long, short: short, value: value, kind: .choice(Choice.allCases.map { $0.rawValue }),
                            env: env, help: help, hidden: hidden)
        return OptionKey(option) { $0.value(long).flatMap(Choice.init(rawValue:)) }
    }

    /// A value converted by `conversion` (which also checks it), nil when not given.
    @inlinable public static func custom<Converted>(_ long: String, short: Character? = nil, value: String,
                                         as conversion: ValueConversion<Converted>, env: String? = nil,
                                         help: String, hidden: Bool = false) -> OptionKey
    where Value == Converted? {
        let option = Option(long, short: short, value: value, kind: conversion.kind, env: env, help: help,
                            hidden: hidden)
        return OptionKey(option) { $0.value(long).flatMap(conversion.convert) }
    }

    /// A value converted by `conversion`, with a default written as on the command line (help
    /// shows it as given); the default must convert.
    @inlinable public static func custom(_ long: String, short: Character? = nil, value: String,
                              as conversion: ValueConversion<Value>, default: String, env: String? = nil,
                              help: String, hidden: Bool = false) -> OptionKey {
        let option = Option(long, short: short, value: value, kind: conversion.kind, default: `default`, env: env,
                            help: help, hidden: hidden)
        return OptionKey(option) { invocation in
            guard let converted = conversion.convert(invocation.guaranteedValue(option)) else {
                preconditionFailure("the default '\(`default`)' of --\(long) does not convert")
            }
            return converted
        }
    }
}
