/// Code 128 barcodes of digit strings: pairs of digits in code set C, and an odd last digit
/// through a switch to code set B. An SRI access key has 49 digits, so it is Start C, 24 pairs,
/// Code B, the last digit, the check symbol and Stop.
public enum Code128 {
    /// The symbol values of `digits` from the start symbol to the check symbol (Stop excluded).
    /// Nil when `digits` is empty or holds anything but ASCII digits.
    public static func symbols(digits: String) -> [Int]? {
        let d = Array(digits.utf8)
        guard !d.isEmpty, d.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var values = [startC]
        var i = 0
        while i + 1 < d.count {
            values.append(Int(d[i] - 48) * 10 + Int(d[i + 1] - 48))
            i += 2
        }
        if i < d.count {
            values.append(codeB)
            values.append(Int(d[i]) - 32) // set B: the character's ASCII code minus 32
        }
        values.append(checksum(values))
        return values
    }

    /// The check symbol: the start value plus each following value times its position, mod 103.
    public static func checksum(_ values: [Int]) -> Int {
        var sum = values[0]
        for (position, value) in values.enumerated().dropFirst() { sum += position * value }
        return sum % 103
    }

    /// The bar and space widths in modules, bar first, of `digits`' symbols and Stop.
    public static func modules(digits: String) -> [Int]? {
        guard let values = symbols(digits: digits) else { return nil }
        var widths: [Int] = []
        for value in values + [stop] { widths += patterns[value].utf8.map { Int($0) - 48 } }
        return widths
    }

    static let startC = 105
    static let codeB = 100
    static let stop = 106

    /// Bar/space widths of each symbol value 0–106 (106 is Stop, with its final 2-module bar).
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ]
}
