/// Converts uppercase/lowercase hex to decimal with schoolbook long division (test-side, so the
/// check does not reuse the library's BN_bn2dec path).
public func decimalFromHex(_ hex: String) -> String {
    var digits = hex.compactMap { $0.hexDigitValue }   // base-16 digits, most significant first
    var decimal: [Int] = []
    while digits.contains(where: { $0 != 0 }) {
        var remainder = 0
        var quotient: [Int] = []
        for digit in digits {
            let value = remainder * 16 + digit
            quotient.append(value / 10)
            remainder = value % 10
        }
        decimal.append(remainder)
        digits = Array(quotient.drop(while: { $0 == 0 }))
    }
    return decimal.isEmpty ? "0" : decimal.reversed().map(String.init).joined()
}
