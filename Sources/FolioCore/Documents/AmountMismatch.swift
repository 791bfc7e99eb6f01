import FolioSupport

/// An amount a factura states for the whole document or for a tax group that differs by more
/// than 0.01 from the sum of the same amount over its lines (found by `FacturaAmounts`).
///
/// The SRI rejects such documents ("ERROR EN DIFERENCIAS"), yet their signature can be valid,
/// so a verifier reports these as warnings, next to the signature's verdict.
public struct AmountMismatch: Sendable, Equatable, CustomStringConvertible {
    /// Which header amount disagrees with its lines.
    public enum Subject: Sendable, Equatable {
        /// `totalConImpuestos/totalImpuesto` with this `codigo` and `codigoPorcentaje`; `element`
        /// is `valor` or `baseImponible`, compared with the lines' `impuesto/<element>`.
        case taxGroup(code: String, rateCode: String, element: String)
        /// `infoFactura/totalSinImpuestos` against the lines' `precioTotalSinImpuesto`.
        case subtotal
        /// `infoFactura/totalDescuento` against the lines' `descuento`.
        case totalDiscount
    }

    public let subject: Subject
    /// What the header says; nil when the document has no such `totalImpuesto` at all.
    public let stated: ExactDecimal?
    /// What the lines add up to.
    public let linesSum: ExactDecimal

    public init(subject: Subject, stated: ExactDecimal?, linesSum: ExactDecimal) {
        self.subject = subject
        self.stated = stated
        self.linesSum = linesSum
    }

    /// `totalImpuesto codigo 2 codigoPorcentaje 4: valor 0.06 but the lines' impuesto/valor add up to 0.08`.
    public var description: String {
        let sum = Self.text(linesSum)
        switch subject {
        case .taxGroup(let code, let rateCode, let element):
            let group = "totalImpuesto codigo \(code) codigoPorcentaje \(rateCode)"
            guard let stated else { return "no \(group), but the lines' impuesto/\(element) add up to \(sum)" }
            return "\(group): \(element) \(Self.text(stated)) but the lines' impuesto/\(element) add up to \(sum)"
        case .subtotal:
            return "totalSinImpuestos \(stated.map(Self.text) ?? "absent") but the lines' precioTotalSinImpuesto add up to \(sum)"
        case .totalDiscount:
            return "totalDescuento \(stated.map(Self.text) ?? "absent") but the lines' descuento add up to \(sum)"
        }
    }

    /// At least 2 places, as the SRI prints amounts (`0.6` → `0.60`), more when the value has them.
    static func text(_ value: ExactDecimal) -> String {
        let n = value.normalized
        return n.scale <= 2 ? n.money : n.description
    }
}
