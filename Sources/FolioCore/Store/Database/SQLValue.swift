import FolioSupport

/// A value bound to a statement or read from a row. Four kinds are all the schema stores
/// (timestamps are RFC 3339 text, booleans 0/1), and every engine we would run on has them.
enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// A Swift value that binds as one statement parameter when interpolated into an `SQLQuery`.
/// Only the types the schema stores conform, so interpolating anything else (a `JSONValue`, a
/// `Double`) does not compile instead of binding something surprising.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    var sqlValue: SQLValue { self }
}

extension String: SQLBindable {
    var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLBindable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    var sqlValue: SQLValue { .integer(self) }
}

extension Int32: SQLBindable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
}

/// 0 or 1, the only values `SQLRow.boolean` reads back.
extension Bool: SQLBindable {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Array: SQLBindable where Element == UInt8 {
    var sqlValue: SQLValue { .blob(self) }
}

/// RFC 3339 UTC text: it sorts as time, so range conditions on it compare as text.
extension Timestamp: SQLBindable {
    var sqlValue: SQLValue { .text(rfc3339) }
}

/// Enums are stored by raw value; `SQLRow.enumeration` refuses one this version does not know.
extension SQLBindable where Self: RawRepresentable, RawValue == String {
    var sqlValue: SQLValue { .text(rawValue) }
}

extension Tier: SQLBindable {}
extension Language: SQLBindable {}
extension TenantStatus: SQLBindable {}
extension Environment: SQLBindable {}
extension DocumentStatus: SQLBindable {}
