/// Why an exact decimal could not be made or computed.
public enum ExactDecimalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a plain decimal (`12.345`, `-1`); exponents, `NaN`, `+5`, `.5` are refused.
    case malformed(String)
    /// The result does not fit (more than 38 significant digits or a scale above `maxScale`).
    case overflow

    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not a plain decimal number"
        case .overflow: return "decimal overflow"
        }
    }
}

/// An exact decimal number for money and quantities: `significand / 10^scale`.
///
/// Never `Double`: `0.1 + 0.2` is exactly `0.3` here. Every operation checks for overflow and
/// throws instead of wrapping. Equality is numeric (`1.5 == 1.50`); `scale` keeps the places the
/// value was written or computed with, and `formatted(places:)` prints a fixed number of places.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let significand: Int128
    public let scale: Int

    /// The largest scale kept; products of two 6-place numbers (12 places) stay far below it.
    public static let maxScale = 30

    public static let zero = ExactDecimal(0)

    public init(_ integer: Int) {
        significand = Int128(integer)
        scale = 0
    }

    /// `significand / 10^scale`; `scale` must be in `0...maxScale`.
    public init(significand: Int128, scale: Int) throws(ExactDecimalError) {
        guard scale >= 0 && scale <= ExactDecimal.maxScale else { throw .overflow }
        self.significand = significand
        self.scale = scale
    }

    private init(unchecked significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    /// Parses plain decimal text: optional `-`, digits, optional `.` and digits.
    public init(parsing text: String) throws(ExactDecimalError) {
        let bytes = Array(text.utf8)
        var i = 0
        var negative = false
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var value: Int128 = 0
        var digits = 0, places = 0, seenPoint = false, intDigits = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                guard !seenPoint, intDigits > 0 else { throw .malformed(text) }
                seenPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int128(b - 0x30))
                if o1 || o2 { throw .overflow }
                value = s
                digits += 1
                if seenPoint { places += 1 } else { intDigits += 1 }
            } else {
                throw .malformed(text)
            }
            i += 1
        }
        guard intDigits > 0, !seenPoint || places > 0 else { throw .malformed(text) }
        guard places <= ExactDecimal.maxScale else { throw .overflow }
        self.init(unchecked: negative ? -value : value, scale: places)
    }

    // MARK: properties

    public var isNegative: Bool { significand < 0 }
    public var isZero: Bool { significand == 0 }

    /// The number of places after the point once trailing zeros are dropped (`1.500` → 1).
    public var significantScale: Int { normalized.scale }

    /// The number of digits before the point (`0.5` → 0, `123.4` → 3).
    public var integerDigits: Int {
        var q = significand.magnitude / ExactDecimal.power(scale).magnitude
        var count = 0
        while q > 0 { q /= 10; count += 1 }
        return count
    }

    /// The same value with trailing fractional zeros removed.
    public var normalized: ExactDecimal {
        var s = significand, k = scale
        while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
        return ExactDecimal(unchecked: s, scale: k)
    }

    // MARK: arithmetic

    static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// This value at a larger scale, or nil when the significand would overflow.
    private func rescaled(to newScale: Int) -> Int128? {
        let (r, o) = significand.multipliedReportingOverflow(by: ExactDecimal.power(newScale - scale))
        return o ? nil : r
    }

    private static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) throws(ExactDecimalError) -> (Int128, Int128, Int) {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { throw .overflow }
        return (x, y, s)
    }

    public func adding(_ other: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        let (x, y, s) = try ExactDecimal.aligned(self, other)
        let (r, o) = x.addingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(unchecked: r, scale: s)
    }

    public func subtracting(_ other: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        let (x, y, s) = try ExactDecimal.aligned(self, other)
        let (r, o) = x.subtractingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(unchecked: r, scale: s)
    }

    /// The exact product; its scale is the sum of the scales (normalized when that exceeds `maxScale`).
    public func multiplied(by other: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal {
        let (r, o) = significand.multipliedReportingOverflow(by: other.significand)
        if o { throw .overflow }
        let product = ExactDecimal(unchecked: r, scale: scale + other.scale)
        if product.scale <= ExactDecimal.maxScale { return product }
        let n = product.normalized
        guard n.scale <= ExactDecimal.maxScale else { throw .overflow }
        return n
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal { try a.adding(b) }
    public static func - (a: ExactDecimal, b: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal { try a.subtracting(b) }
    public static func * (a: ExactDecimal, b: ExactDecimal) throws(ExactDecimalError) -> ExactDecimal { try a.multiplied(by: b) }

    /// Rounds half-up (a tie goes away from zero, as commercial rounding does: 2.345 → 2.35,
    /// -2.345 → -2.35) to `places` places; the result has exactly that scale when it is smaller
    /// than the current one.
    public func rounded(scale places: Int) -> ExactDecimal {
        precondition(places >= 0, "negative scale")
        guard places < scale else { return self }
        let divisor = ExactDecimal.power(scale - places)
        let q = significand / divisor
        let r = (significand % divisor).magnitude
        // r * 2 >= divisor without overflow: compare r against divisor - r.
        let roundAway = r >= divisor.magnitude - r
        let result = roundAway ? (significand < 0 ? q - 1 : q + 1) : q
        return ExactDecimal(unchecked: result, scale: places)
    }

    /// Text with exactly `places` places, rounding half-up first: `115` → `"115.00"`.
    public func formatted(places: Int) throws(ExactDecimalError) -> String {
        let r = rounded(scale: places)
        guard let s = r.rescaled(to: places) else { throw .overflow }
        return ExactDecimal(unchecked: s, scale: places).description
    }

    /// The text with this value's own scale: `12.50` stays `"12.50"`.
    public var description: String {
        // Digits written backwards into a stack buffer, 64-bit division while the value fits
        // (an invoice prints dozens of amounts; 128-bit division and String slicing showed up).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buffer in
            var count = 0
            var wide = significand.magnitude
            while wide > UInt128(UInt64.max) {
                buffer[count] = UInt8(truncatingIfNeeded: wide % 10) + 0x30
                wide /= 10
                count += 1
            }
            var narrow = UInt64(wide)
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: narrow % 10) + 0x30
                narrow /= 10
                count += 1
            } while narrow > 0
            while count <= scale {  // at least one digit before the point
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            let length = count + (scale > 0 ? 1 : 0) + (significand < 0 ? 1 : 0)
            return String(unsafeUninitializedCapacity: length) { out in
                var o = 0
                if significand < 0 { out[o] = UInt8(ascii: "-"); o += 1 }
                for i in stride(from: count - 1, through: 0, by: -1) {
                    if i == scale - 1 { out[o] = UInt8(ascii: "."); o += 1 }
                    out[o] = buffer[i]
                    o += 1
                }
                return o
            }
        }
    }

    // MARK: comparison

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    /// -1, 0 or 1. When aligning scales would overflow, that operand's magnitude is beyond any
    /// value the other can hold, so its sign decides.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s) else { return a.significand < 0 ? -1 : 1 }
        guard let y = b.rescaled(to: s) else { return b.significand < 0 ? 1 : -1 }
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
