/// The issuer of a document as the XML needs it (`infoTributaria` and part of `infoFactura`).
public struct InvoiceIssuer: Sendable, Equatable {
    /// 13 digits ending in 001.
    public var ruc: String
    /// `razonSocial`.
    public var legalName: String
    /// `nombreComercial`.
    public var tradeName: String?
    /// `dirMatriz`.
    public var headOfficeAddress: String
    /// `dirEstablecimiento`; the head office's address is used when nil.
    public var establishmentAddress: String?
    /// `estab`, three digits.
    public var establishment: String
    /// `ptoEmi`, three digits.
    public var emissionPoint: String
    /// `obligadoContabilidad` SI/NO.
    public var keepsAccounts: Bool
    /// `contribuyenteEspecial`: the resolution number, 3–13 letters or digits.
    public var specialTaxpayer: String?

    public init(ruc: String, legalName: String, tradeName: String? = nil, headOfficeAddress: String,
                establishmentAddress: String? = nil, establishment: String = "001", emissionPoint: String = "001",
                keepsAccounts: Bool = false, specialTaxpayer: String? = nil) {
        self.ruc = ruc
        self.legalName = legalName
        self.tradeName = tradeName
        self.headOfficeAddress = headOfficeAddress
        self.establishmentAddress = establishmentAddress
        self.establishment = establishment
        self.emissionPoint = emissionPoint
        self.keepsAccounts = keepsAccounts
        self.specialTaxpayer = specialTaxpayer
    }

    /// Checks every value against the schema's rules; errors name `issuer.<field>`.
    public func validate() throws(DocumentInputError) {
        func fail(_ field: String, _ message: String) -> DocumentInputError {
            DocumentInputError(field: "issuer." + field, message: message)
        }
        guard AccessKey.isDigits(ruc, count: 13), ruc.hasSuffix("001") else { throw fail("ruc", "must be 13 digits ending in 001") }
        _ = try InputObject.text(.string(legalName), field: "issuer.legalName", maxLength: 300)
        if let tradeName { _ = try InputObject.text(.string(tradeName), field: "issuer.tradeName", maxLength: 300) }
        _ = try InputObject.text(.string(headOfficeAddress), field: "issuer.headOfficeAddress", maxLength: 300)
        if let establishmentAddress {
            _ = try InputObject.text(.string(establishmentAddress), field: "issuer.establishmentAddress", maxLength: 300)
        }
        guard AccessKey.isDigits(establishment, count: 3) else { throw fail("establishment", "must be 3 digits") }
        guard AccessKey.isDigits(emissionPoint, count: 3) else { throw fail("emissionPoint", "must be 3 digits") }
        if let specialTaxpayer {
            let ok = (3...13).contains(specialTaxpayer.utf8.count) && specialTaxpayer.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
            }
            guard ok else { throw fail("specialTaxpayer", "must be 3 to 13 letters or digits") }
        }
    }
}
