import FolioSupport

/// A refused document input, naming the field with a JSON path (`items[2].quantity`).
public struct DocumentInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// As the CLI reports it: `validation_failed`, exit 3, with `field`; the message names the
    /// field too (`items[2].quantity: must be greater than 0`) since text output shows no `field`.
    public var folioError: FolioError { .validation(description, field: field) }
}

/// A name/value pair: an item's `details` entry (`detAdicional`) or an `additionalFields`
/// entry (`campoAdicional`).
public struct InvoiceNameValue: Sendable, Equatable {
    public let name: String
    public let value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The buyer (`comprador`).
public struct InvoiceBuyer: Sendable, Equatable {
    public let identificationType: BuyerIdentificationType
    public let identification: String
    /// `razonSocialComprador`.
    public let name: String
    public let address: String?
    /// Printed in `infoAdicional` as `Email` (the RIDE is mailed there).
    public let email: String?
    /// Printed in `infoAdicional` as `Teléfono`.
    public let phone: String?
}

/// One line (`detalle`).
public struct InvoiceItem: Sendable, Equatable {
    /// `codigoPrincipal`.
    public let code: String
    public let auxiliaryCode: String?
    public let description: String
    /// Greater than 0, up to 6 places.
    public let quantity: ExactDecimal
    /// At least 0, up to 6 places.
    public let unitPrice: ExactDecimal
    /// At least 0, up to 2 places, at most quantity × unitPrice.
    public let discount: ExactDecimal
    public let ivaRate: IVARate
    /// Up to 3 (`detallesAdicionales`), in input order.
    public let details: [InvoiceNameValue]
}

/// One payment (`pago`).
public struct InvoicePayment: Sendable, Equatable {
    public let method: PaymentMethod
    public let amount: ExactDecimal
    /// `plazo`: a credit term, in `timeUnit`s.
    public let term: ExactDecimal?
    /// `unidadTiempo`: `dias`, `meses`…
    public let timeUnit: String?
}

/// A factura's input after validation (docs/invoice-input.md documents the JSON).
///
/// `payments` is never empty: when the input gives none, it holds one payment of method 01
/// (sin utilización del sistema financiero) for the whole total, and `paymentsDefaulted` is true.
public struct InvoiceInput: Sendable, Equatable {
    public let issueDate: CalendarDate
    public let buyer: InvoiceBuyer
    public let items: [InvoiceItem]
    public let payments: [InvoicePayment]
    public let paymentsDefaulted: Bool
    /// `propina`.
    public let tip: ExactDecimal
    public let additionalFields: [InvoiceNameValue]
    /// Always `DOLAR`.
    public let currency: String

    /// The `campoAdicional` entries in document order: buyer e-mail, phone, then `additionalFields`.
    public var infoAdicional: [InvoiceNameValue] {
        var all: [InvoiceNameValue] = []
        if let email = buyer.email { all.append(InvoiceNameValue(name: "Email", value: email)) }
        if let phone = buyer.phone { all.append(InvoiceNameValue(name: "Teléfono", value: phone)) }
        return all + additionalFields
    }

    /// The schema allows 15 `campoAdicional`.
    public static let maxInfoAdicional = 15
    /// The schema allows 3 `detAdicional` per line.
    public static let maxItemDetails = 3
    /// Money and quantities may have at most 12 digits before the point (totalDigits 14 or 18).
    public static let maxIntegerDigits = 12
}
