import FolioXML
import FolioSupport

/// A factura built from its input: the unsigned XML and what a summary shows.
public struct BuiltInvoice: Sendable, Equatable {
    /// The 49-digit access key.
    public let accessKey: String
    /// `001-001-000000042`.
    public let number: String
    public let establishment: String
    public let emissionPoint: String
    public let sequential: Int
    /// 1 sandbox, 2 production.
    public let environment: Int
    public let issueDate: CalendarDate
    public let buyer: InvoiceBuyer
    public let totals: InvoiceTotals
    /// The validated input the XML was built from.
    public let input: InvoiceInput
    /// The unsigned factura in canonical form, as the signer takes it.
    public let canonical: CanonicalXML
    /// The unsigned XML document (UTF-8, with XML declaration).
    public var xml: [UInt8] { canonical.document }

    /// The JSON summary a command prints: money as decimal strings (DESIGN §3).
    public var summary: JSONValue {
        var buyerMembers = [
            JSONMember("identificationType", .string(buyer.identificationType.code)),
            JSONMember("identification", .string(buyer.identification)),
            JSONMember("name", .string(buyer.name)),
        ]
        if let email = buyer.email { buyerMembers.append(JSONMember("email", .string(email))) }
        let taxes: [JSONValue] = totals.taxes.map { group in
            .object([
                JSONMember("code", .string(group.taxCode)),
                JSONMember("rateCode", .string(group.rate.code)),
                JSONMember("rate", .string(String(group.rate.percent))),
                JSONMember("base", .string(group.base.money)),
                JSONMember("value", .string(group.value.money)),
            ])
        }
        return .object([
            JSONMember("type", .string(SRIDocumentType.factura.code)),
            JSONMember("accessKey", .string(accessKey)),
            JSONMember("number", .string(number)),
            JSONMember("environment", .int(environment)),
            JSONMember("issueDate", .string(issueDate.iso)),
            JSONMember("buyer", .object(buyerMembers)),
            JSONMember("currency", .string(input.currency)),
            JSONMember("subtotal", .string(totals.subtotal.money)),
            JSONMember("totalDiscount", .string(totals.totalDiscount.money)),
            JSONMember("taxes", .array(taxes)),
            JSONMember("totalTax", .string(totals.totalTax.money)),
            JSONMember("tip", .string(totals.tip.money)),
            JSONMember("total", .string(totals.total.money)),
        ])
    }
}

/// Builds facturas from their JSON input. Call `validate` before consuming a sequential number,
/// then `build` with the number; `build` validates again, so it is also safe alone.
public enum InvoiceBuilder {
    /// Checks the whole input (including payments against the computed total) without building.
    public static func validate(input: JSONValue, today: (year: Int, month: Int, day: Int)) throws(DocumentInputError) -> InvoiceInput {
        try InvoiceInput.parse(input, today: today)
    }

    public static func build(input: JSONValue, issuer: InvoiceIssuer, environment: Int, sequential: Int,
                             numericCode: String, today: (year: Int, month: Int, day: Int)) throws(DocumentInputError) -> BuiltInvoice {
        let validated = try validate(input: input, today: today)
        return try build(validated: validated, issuer: issuer, environment: environment,
                         sequential: sequential, numericCode: numericCode)
    }

    /// Builds from an already validated input.
    public static func build(validated input: InvoiceInput, issuer: InvoiceIssuer, environment: Int, sequential: Int,
                             numericCode: String) throws(DocumentInputError) -> BuiltInvoice {
        try issuer.validate()
        let totals: InvoiceTotals
        do {
            totals = try InvoiceTotals.compute(items: input.items, tip: input.tip)
        } catch {
            throw DocumentInputError(field: "items", message: "the amounts are too large to compute")
        }
        let key: AccessKey
        do {
            key = try AccessKey(AccessKeyFields(
                day: input.issueDate.day, month: input.issueDate.month, year: input.issueDate.year,
                documentTypeCode: SRIDocumentType.factura.code, ruc: issuer.ruc, environment: environment,
                establishment: issuer.establishment, emissionPoint: issuer.emissionPoint,
                sequential: sequential, numericCode: numericCode))
        } catch {
            throw DocumentInputError(field: error.field, message: error.message)
        }
        let xml: CanonicalXML
        do {
            xml = try FacturaXML.build(input: input, totals: totals, issuer: issuer, environment: environment,
                                       sequential: sequential, accessKey: key)
        } catch {
            // Validation keeps control characters out of every text, so this is a defect.
            throw DocumentInputError(field: "input", message: error.message)
        }
        let number = issuer.establishment + "-" + issuer.emissionPoint + "-" + zeroPadded(sequential, 9)
        return BuiltInvoice(accessKey: key.digits, number: number, establishment: issuer.establishment,
                            emissionPoint: issuer.emissionPoint, sequential: sequential, environment: environment,
                            issueDate: input.issueDate, buyer: input.buyer, totals: totals, input: input, canonical: xml)
    }
}
