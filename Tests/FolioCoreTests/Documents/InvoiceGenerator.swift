@testable import FolioCore
import FolioSupport

/// Random factura inputs that reproduce from a seed alone: SplitMix64, with its own bounded draw
/// (the standard library's `random(in:using:)` algorithm is not promised to stay the same).
///
/// The shapes aim at rounding: many lines of a few cents (`0.10` at 15 % is 0.015 per line),
/// quantities and prices with 6 places, discounts up to the whole line, every IVA code.
struct InvoiceGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `0..<bound`; the modulo bias over 64 bits is irrelevant for test shapes.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `percent` %.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// `units / 10^places` as decimal text (`1234, 6` → `0.001234`).
    static func decimal(_ units: Int, places: Int) -> String {
        var digits = String(units)
        if places == 0 { return digits }
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -places)
        return String(digits[..<point]) + "." + String(digits[point...])
    }

    static let rateCodes = IVARate.allCases.map(\.code)

    /// One item's JSON fields: (quantity, unitPrice, discount, ivaRate) as decimal text.
    mutating func item() -> (quantity: String, unitPrice: String, discount: String, rate: String) {
        let rate = Self.rateCodes[below(Self.rateCodes.count)]
        let quantity: String, price: String
        switch below(4) {
        case 0:  // a few cents, quantity 1: the half-cent cases
            quantity = "1"
            price = Self.decimal(1 + below(99), places: 2)
        case 1:  // small whole quantities of cheap items
            quantity = String(1 + below(9))
            price = Self.decimal(below(500), places: 2)
        case 2:  // 6 places in both
            quantity = Self.decimal(1 + below(20_000_000), places: 6)
            price = Self.decimal(below(50_000_000), places: 6)
        default:  // ordinary amounts
            quantity = Self.decimal(1 + below(100_000), places: below(4))
            price = Self.decimal(below(1_000_000), places: 2 + below(5))
        }
        var discount = "0"
        if chance(30) {
            // At most quantity × unitPrice, 2 places: the product rounded down to the cent.
            let product = try! ExactDecimal(parsing: quantity) * ExactDecimal(parsing: price)
            var cents = try! CentDistribution.cents(product.rounded(scale: 2))
            if try! ExactDecimal(significand: cents, scale: 2) > product { cents -= 1 }
            if cents > 0 {
                discount = Self.decimal(chance(20) ? Int(cents) : below(Int(cents) + 1), places: 2)
            }
        }
        return (quantity, price, discount, rate)
    }

    /// A whole factura input: 1 to 60 lines (mostly few, sometimes many), sometimes a tip.
    mutating func invoice() -> JSONValue {
        let count = chance(10) ? 20 + below(41) : 1 + below(12)
        var items: [JSONValue] = []
        for n in 0..<count {
            let (quantity, price, discount, rate) = item()
            items.append(.object([
                JSONMember("code", .string("P\(n)")),
                JSONMember("description", .string("Producto \(n)")),
                JSONMember("quantity", .string(quantity)),
                JSONMember("unitPrice", .string(price)),
                JSONMember("discount", .string(discount)),
                JSONMember("ivaRate", .string(rate)),
            ]))
        }
        var members = [
            JSONMember("issueDate", .string("2026-01-15")),
            JSONMember("buyer", .object([JSONMember("identificationType", .string("07")),
                                         JSONMember("identification", .string("9999999999999")),
                                         JSONMember("name", .string("CONSUMIDOR FINAL"))])),
            JSONMember("items", .array(items)),
        ]
        if chance(15) { members.append(JSONMember("tip", .string(Self.decimal(below(2000), places: 2)))) }
        return .object(members)
    }
}
