import FolioSupport

/// IVA rates of the SRI's table of `codigoPorcentaje` for tax `codigo` 2 (IVA).
///
/// Codes 6 (no objeto) and 7 (exento) carry 0 % but are reported apart from 0 %; 8 is the
/// "IVA diferenciado" of 8 % (tourism holidays); 2 (12 %) and 3 (14 %) are historical rates
/// that stay valid for documents of their period.
public enum IVARate: String, Sendable, CaseIterable {
    case zero = "0"
    case twelve = "2"
    case fourteen = "3"
    case fifteen = "4"
    case five = "5"
    case notSubject = "6"
    case exempt = "7"
    case differentiated = "8"
    case thirteen = "10"

    /// `codigoPorcentaje`.
    public var code: String { rawValue }

    /// The tax `codigo` of IVA.
    public static let taxCode = "2"

    /// The percentage as an integer (`tarifa`): 15 for code 4.
    public var percent: Int {
        switch self {
        case .zero, .notSubject, .exempt: return 0
        case .twelve: return 12
        case .fourteen: return 14
        case .fifteen: return 15
        case .five: return 5
        case .differentiated: return 8
        case .thirteen: return 13
        }
    }

    /// The rate as a fraction (0.15), for `base × rate`.
    public var fraction: ExactDecimal { try! ExactDecimal(significand: Int128(percent), scale: 2) }

    public var label: String {
        switch self {
        case .notSubject: return "no objeto de IVA"
        case .exempt: return "exento de IVA"
        case .differentiated: return "IVA diferenciado 8%"
        default: return "IVA \(percent)%"
        }
    }

    static var codeList: String { allCases.map { "\"\($0.code)\" (\($0.label))" }.joined(separator: ", ") }
}

/// `formaPago` codes of the SRI's payment table that the factura schema accepts.
public enum PaymentMethod: String, Sendable, CaseIterable {
    case cash = "01"
    case debtCompensation = "15"
    case debitCard = "16"
    case electronicMoney = "17"
    case prepaidCard = "18"
    case creditCard = "19"
    case otherFinancialSystem = "20"
    case endorsement = "21"

    public var code: String { rawValue }

    public var spanishName: String {
        switch self {
        case .cash: return "sin utilización del sistema financiero"
        case .debtCompensation: return "compensación de deudas"
        case .debitCard: return "tarjeta de débito"
        case .electronicMoney: return "dinero electrónico"
        case .prepaidCard: return "tarjeta prepago"
        case .creditCard: return "tarjeta de crédito"
        case .otherFinancialSystem: return "otros con utilización del sistema financiero"
        case .endorsement: return "endoso de títulos"
        }
    }
}

/// `tipoIdentificacionComprador` codes.
public enum BuyerIdentificationType: String, Sendable, CaseIterable {
    case ruc = "04"
    case cedula = "05"
    case passport = "06"
    case finalConsumer = "07"
    case foreign = "08"

    public var code: String { rawValue }

    /// The identification the SRI requires for "consumidor final".
    public static let finalConsumerIdentification = "9999999999999"

    public var spanishName: String {
        switch self {
        case .ruc: return "RUC"
        case .cedula: return "cédula"
        case .passport: return "pasaporte"
        case .finalConsumer: return "consumidor final"
        case .foreign: return "identificación del exterior"
        }
    }

    /// Nil when `id` is acceptable for this type, else why not.
    ///
    /// A cédula's mod-10 check digit is verified. A RUC is checked for shape only (13 digits,
    /// a province code, ending in 001): the SRI has issued RUCs that fail the classic check
    /// digit rules, and its own registry is the real authority.
    public func problem(with id: String) -> String? {
        let isDigits = id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let isAlnum = id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
        switch self {
        case .ruc:
            guard isDigits, id.utf8.count == 13 else { return "a RUC is 13 digits" }
            guard id.hasSuffix("001") else { return "a RUC ends in 001" }
            guard BuyerIdentificationType.validProvince(id) else { return "a RUC starts with a province code 01-24 or 30" }
            return nil
        case .cedula:
            guard isDigits, id.utf8.count == 10 else { return "a cédula is 10 digits" }
            guard BuyerIdentificationType.validProvince(id) else { return "a cédula starts with a province code 01-24 or 30" }
            guard BuyerIdentificationType.cedulaCheckDigitValid(id) else { return "the cédula's check digit is wrong" }
            return nil
        case .finalConsumer:
            return id == BuyerIdentificationType.finalConsumerIdentification
                ? nil : "consumidor final (07) must use identification 9999999999999"
        case .passport, .foreign:
            guard isAlnum, (3...20).contains(id.utf8.count) else { return "must be 3 to 20 letters or digits" }
            return nil
        }
    }

    static func validProvince(_ id: String) -> Bool {
        let b = Array(id.utf8)
        let province = Int(b[0] - 0x30) * 10 + Int(b[1] - 0x30)
        return (1...24).contains(province) || province == 30
    }

    /// Cédula: third digit below 6; coefficients 2,1,2,1,… over the first 9 digits, products
    /// above 9 minus 9; check digit = (10 - sum mod 10) mod 10.
    static func cedulaCheckDigitValid(_ id: String) -> Bool {
        let d = Array(id.utf8).map { Int($0 - 0x30) }
        guard d[2] < 6 else { return false }
        var sum = 0
        for i in 0..<9 {
            var p = d[i] * (i % 2 == 0 ? 2 : 1)
            if p > 9 { p -= 9 }
            sum += p
        }
        return (10 - sum % 10) % 10 == d[9]
    }
}
