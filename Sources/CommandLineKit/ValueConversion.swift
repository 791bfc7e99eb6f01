/// How the text of a value becomes a `T`: one closure both checks the value while parsing (a
/// `.custom` kind whose problem is `problem` when it gives nil) and converts it when a key is
/// read, so that the two cannot disagree.
///
///     static let hours = ValueConversion<Int>(type: "hours", problem: "expected hours like 12h") {
///         $0.hasSuffix("h") ? Int($0.dropLast()) : nil
///     }
public struct ValueConversion<T>: Sendable {
    /// The kind for the option's or argument's spec: help shows `(type)`.
    public let kind: ValueKind
    @usableFromInline let convert: @Sendable (String) -> T?

    public init(type: String, problem: String, convert: @escaping @Sendable (String) -> T?) {
        self.convert = convert
        kind = .custom(type) { convert($0) == nil ? problem : nil }
    }
}
