import FolioSupport

/// The SRI document types (DESIGN §7), with their codes in the access key and their Spanish names.
public enum SRIDocumentType: String, Sendable, CaseIterable {
    case factura = "01"
    case liquidacionCompra = "03"
    case notaCredito = "04"
    case notaDebito = "05"
    case guiaRemision = "06"
    case comprobanteRetencion = "07"

    public var code: String { rawValue }

    /// The name the SRI uses, as printed on a RIDE.
    public var spanishName: String {
        switch self {
        case .factura: return "factura"
        case .liquidacionCompra: return "liquidación de compra de bienes y prestación de servicios"
        case .notaCredito: return "nota de crédito"
        case .notaDebito: return "nota de débito"
        case .guiaRemision: return "guía de remisión"
        case .comprobanteRetencion: return "comprobante de retención"
        }
    }
}

/// Why an access key could not be built or read.
public struct AccessKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part at fault: `ruc`, `date`, `sequential`, `checkDigit`, `accessKey`…
    public let field: String
    public let message: String
    public var description: String { message }
}

/// The parts of a 49-digit access key, in key order (DESIGN §7).
public struct AccessKeyFields: Sendable, Equatable {
    public var day: Int
    public var month: Int
    public var year: Int
    /// Two digits, e.g. `"01"` for a factura.
    public var documentTypeCode: String
    /// The issuer's 13-digit RUC.
    public var ruc: String
    /// 1 = sandbox (pruebas), 2 = production.
    public var environment: Int
    /// Three digits, `"001"`.
    public var establishment: String
    /// Three digits, `"001"`.
    public var emissionPoint: String
    /// 1...999 999 999.
    public var sequential: Int
    /// Eight digits chosen by the issuer.
    public var numericCode: String
    /// Always 1 (normal emission) in the offline scheme.
    public var emissionType: Int

    public init(day: Int, month: Int, year: Int, documentTypeCode: String, ruc: String, environment: Int,
                establishment: String, emissionPoint: String, sequential: Int, numericCode: String,
                emissionType: Int = 1) {
        self.day = day; self.month = month; self.year = year
        self.documentTypeCode = documentTypeCode; self.ruc = ruc; self.environment = environment
        self.establishment = establishment; self.emissionPoint = emissionPoint
        self.sequential = sequential; self.numericCode = numericCode; self.emissionType = emissionType
    }

    /// `"001-001"`.
    public var series: String { establishment + "-" + emissionPoint }
    /// `"001-001-000000042"`, the number printed on the document.
    public var documentNumber: String { series + "-" + zeroPadded(sequential, 9) }
    public var documentType: SRIDocumentType? { SRIDocumentType(rawValue: documentTypeCode) }
}

/// A decoded access key: its fields, its check digit and whether that digit is right.
public struct DecodedAccessKey: Sendable, Equatable {
    public let key: String
    public let fields: AccessKeyFields
    public let checkDigit: Int
    public let expectedCheckDigit: Int
    public var checkDigitValid: Bool { checkDigit == expectedCheckDigit }
    /// Everything wrong besides the check digit (impossible date, unknown type, environment
    /// other than 1/2, emission type other than 1). Empty for a well-formed key.
    public let problems: [String]
    /// The Spanish name of the type, or nil for an unknown code.
    public var documentTypeName: String? { fields.documentType?.spanishName }
}

/// The SRI clave de acceso: 49 digits, the last a modulo-11 check digit over the first 48.
public struct AccessKey: Sendable, Hashable, CustomStringConvertible {
    public let digits: String
    public var description: String { digits }

    /// Builds the key from its fields, validating each and computing the check digit.
    public init(_ f: AccessKeyFields) throws(AccessKeyError) {
        func fail(_ field: String, _ message: String) -> AccessKeyError { AccessKeyError(field: field, message: message) }
        guard CalendarDate.isValid(year: f.year, month: f.month, day: f.day), f.year >= 1000, f.year <= 9999 else {
            throw fail("date", "invalid date \(f.year)-\(f.month)-\(f.day)")
        }
        guard AccessKey.isDigits(f.documentTypeCode, count: 2) else { throw fail("documentType", "document type must be 2 digits") }
        guard AccessKey.isDigits(f.ruc, count: 13) else { throw fail("ruc", "RUC must be 13 digits") }
        guard f.environment == 1 || f.environment == 2 else { throw fail("environment", "environment must be 1 (sandbox) or 2 (production)") }
        guard AccessKey.isDigits(f.establishment, count: 3) else { throw fail("establishment", "establishment must be 3 digits") }
        guard AccessKey.isDigits(f.emissionPoint, count: 3) else { throw fail("emissionPoint", "emission point must be 3 digits") }
        guard f.sequential >= 1 && f.sequential <= 999_999_999 else { throw fail("sequential", "sequential must be 1 to 999999999") }
        guard AccessKey.isDigits(f.numericCode, count: 8) else { throw fail("numericCode", "numeric code must be 8 digits") }
        guard f.emissionType == 1 else { throw fail("emissionType", "emission type must be 1 (normal)") }
        let first48 = zeroPadded(f.day, 2) + zeroPadded(f.month, 2) + String(f.year)
            + f.documentTypeCode + f.ruc + String(f.environment) + f.establishment + f.emissionPoint
            + zeroPadded(f.sequential, 9) + f.numericCode + String(f.emissionType)
        digits = first48 + String(AccessKey.checkDigit(of: first48)!)
    }

    /// Accepts only a well-formed key with the right check digit.
    public init(validating text: String) throws(AccessKeyError) {
        let decoded = try AccessKey.decode(text)
        guard decoded.checkDigitValid else {
            throw AccessKeyError(field: "checkDigit",
                                 message: "check digit is \(decoded.checkDigit), expected \(decoded.expectedCheckDigit)")
        }
        if let problem = decoded.problems.first { throw AccessKeyError(field: "accessKey", message: problem) }
        digits = decoded.key
    }

    /// Reads any 49-digit string into its fields without rejecting a wrong check digit, so
    /// `documents decode-key` can show what is wrong. Fails only when it is not 49 digits.
    public static func decode(_ text: String) throws(AccessKeyError) -> DecodedAccessKey {
        guard isDigits(text, count: 49) else {
            throw AccessKeyError(field: "accessKey", message: "an access key is 49 digits; got \(text.utf8.count) characters")
        }
        let d = Array(text.utf8).map { Int($0 - 0x30) }
        func number(_ from: Int, _ count: Int) -> Int { d[from..<from + count].reduce(0) { $0 * 10 + $1 } }
        func part(_ from: Int, _ count: Int) -> String { String(decoding: Array(text.utf8)[from..<from + count], as: UTF8.self) }
        let fields = AccessKeyFields(
            day: number(0, 2), month: number(2, 2), year: number(4, 4), documentTypeCode: part(8, 2),
            ruc: part(10, 13), environment: d[23], establishment: part(24, 3), emissionPoint: part(27, 3),
            sequential: number(30, 9), numericCode: part(39, 8), emissionType: d[47])
        var problems: [String] = []
        if !CalendarDate.isValid(year: fields.year, month: fields.month, day: fields.day) {
            problems.append("the date \(part(0, 2))/\(part(2, 2))/\(part(4, 4)) does not exist")
        }
        if fields.documentType == nil { problems.append("unknown document type \(fields.documentTypeCode)") }
        if fields.environment != 1 && fields.environment != 2 { problems.append("environment \(fields.environment) is not 1 or 2") }
        if fields.emissionType != 1 { problems.append("emission type \(fields.emissionType) is not 1") }
        if fields.sequential == 0 { problems.append("sequential 000000000 is not allowed") }
        return DecodedAccessKey(key: text, fields: fields, checkDigit: d[48],
                                expectedCheckDigit: checkDigit(of: part(0, 48))!, problems: problems)
    }

    /// The modulo-11 check digit of a digit string: weights 2,3,4,5,6,7,2,… from the rightmost
    /// digit; 11 - (sum mod 11), with 11 → 0 and 10 → 1. Nil when `digits` has a non-digit.
    public static func checkDigit(of digits: String) -> Int? {
        var sum = 0, weight = 2
        for b in digits.utf8.reversed() {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            sum += Int(b - 0x30) * weight
            weight = weight == 7 ? 2 : weight + 1
        }
        let digit = 11 - sum % 11
        return digit == 11 ? 0 : (digit == 10 ? 1 : digit)
    }

    static func isDigits(_ s: String, count: Int) -> Bool {
        s.utf8.count == count && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
