import FolioSupport

extension InvoiceInput {
    static let topFields = ["issueDate", "buyer", "items", "payments", "tip", "additionalFields", "currency"]
    static let buyerFields = ["identificationType", "identification", "name", "address", "email", "phone"]
    static let itemFields = ["code", "auxiliaryCode", "description", "quantity", "unitPrice", "discount", "ivaRate", "details"]
    static let paymentFields = ["method", "amount", "term", "timeUnit"]
    static let nameValueFields = ["name", "value"]

    /// Reads and validates a factura input (docs/invoice-input.md). Everything is checked here,
    /// including that payments add up to the computed total, so a caller can validate before it
    /// consumes a sequential number.
    public static func parse(_ json: JSONValue, today: (year: Int, month: Int, day: Int)) throws(DocumentInputError) -> InvoiceInput {
        let root = try InputObject(json, path: "", allowed: topFields)

        let issueDate: CalendarDate
        if let v = root.value("issueDate") {
            guard case .string(let s) = v else { throw root.fail("issueDate", "must be a string YYYY-MM-DD") }
            guard let d = CalendarDate(iso: s) else { throw root.fail("issueDate", "'\(s)' is not a valid date YYYY-MM-DD") }
            issueDate = d
        } else {
            guard let d = CalendarDate(year: today.year, month: today.month, day: today.day) else {
                throw DocumentInputError(field: "issueDate", message: "today's date is invalid")
            }
            issueDate = d
        }

        let currency = try root.optionalText("currency", maxLength: 15) ?? "DOLAR"
        guard currency == "DOLAR" else { throw root.fail("currency", "only \"DOLAR\" is supported") }

        let buyer = try parseBuyer(root.required("buyer"), path: "buyer")

        guard let itemValues = try root.array("items"), !itemValues.isEmpty else {
            throw root.fail("items", "at least one item is required")
        }
        var items: [InvoiceItem] = []
        for (i, v) in itemValues.enumerated() { items.append(try parseItem(v, path: "items[\(i)]")) }

        let tip = try root.optionalDecimal("tip", maxPlaces: 2) ?? .zero
        if tip.isNegative { throw root.fail("tip", "must not be negative") }

        var additional: [InvoiceNameValue] = []
        for (i, v) in (try root.array("additionalFields") ?? []).enumerated() {
            let o = try InputObject(v, path: "additionalFields[\(i)]", allowed: nameValueFields)
            additional.append(InvoiceNameValue(name: try o.text("name", maxLength: 300), value: try o.text("value", maxLength: 300)))
        }
        let reserved = (buyer.email == nil ? 0 : 1) + (buyer.phone == nil ? 0 : 1)
        if additional.count + reserved > maxInfoAdicional {
            throw root.fail("additionalFields", "at most \(maxInfoAdicional - reserved) entries are allowed"
                + (reserved > 0 ? " (buyer e-mail and phone take \(reserved) of the \(maxInfoAdicional) places)" : ""))
        }

        let totals: InvoiceTotals
        do {
            totals = try InvoiceTotals.compute(items: items, tip: tip)
        } catch {
            throw root.fail("items", "the amounts are too large to compute")
        }
        if totals.total.integerDigits > maxIntegerDigits {
            throw root.fail("items", "the invoice total \(totals.total) is too large")
        }

        var payments: [InvoicePayment] = []
        for (i, v) in (try root.array("payments") ?? []).enumerated() {
            payments.append(try parsePayment(v, path: "payments[\(i)]"))
        }
        let defaulted = payments.isEmpty
        if defaulted {
            payments = [InvoicePayment(method: .cash, amount: totals.total, term: nil, timeUnit: nil)]
        } else {
            var sum = ExactDecimal.zero
            for p in payments {
                guard let s = try? sum + p.amount else { throw root.fail("payments", "the amounts are too large") }
                sum = s
            }
            if sum != totals.total {
                throw root.fail("payments", "payments add up to \(money(sum)) but the invoice total is \(money(totals.total))")
            }
        }
        return InvoiceInput(issueDate: issueDate, buyer: buyer, items: items, payments: payments,
                            paymentsDefaulted: defaulted, tip: tip, additionalFields: additional, currency: currency)
    }

    static func money(_ d: ExactDecimal) -> String { (try? d.formatted(places: 2)) ?? d.description }

    static func parseBuyer(_ value: JSONValue, path: String) throws(DocumentInputError) -> InvoiceBuyer {
        let o = try InputObject(value, path: path, allowed: buyerFields)
        guard case .string(let typeCode) = try o.required("identificationType") else {
            throw o.fail("identificationType", "must be a string code: \"04\" RUC, \"05\" cédula, \"06\" pasaporte, \"07\" consumidor final, \"08\" identificación del exterior")
        }
        guard let type = BuyerIdentificationType(rawValue: typeCode) else {
            throw o.fail("identificationType", "unknown code '\(typeCode)'; use \"04\" RUC, \"05\" cédula, \"06\" pasaporte, \"07\" consumidor final or \"08\" identificación del exterior")
        }
        let id = try o.text("identification", maxLength: 20)
        if let problem = type.problem(with: id) { throw o.fail("identification", problem) }
        let name = try o.text("name", maxLength: 300)
        let address = try o.optionalText("address", maxLength: 300)
        let email = try o.optionalText("email", maxLength: 300)
        if let email, !isPlausibleEmail(email) { throw o.fail("email", "'\(email)' is not an e-mail address") }
        let phone = try o.optionalText("phone", maxLength: 300)
        return InvoiceBuyer(identificationType: type, identification: id, name: name, address: address, email: email, phone: phone)
    }

    /// One `@`, something before it, a dot in the domain, no spaces: the mail server decides the rest.
    static func isPlausibleEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !s.contains(" ") else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    static func parseItem(_ value: JSONValue, path: String) throws(DocumentInputError) -> InvoiceItem {
        let o = try InputObject(value, path: path, allowed: itemFields)
        let code = try o.text("code", maxLength: 25)
        let auxiliaryCode = try o.optionalText("auxiliaryCode", maxLength: 25)
        let description = try o.text("description", maxLength: 300)
        let quantity = try o.decimal("quantity", maxPlaces: 6)
        if quantity.isNegative || quantity.isZero { throw o.fail("quantity", "must be greater than 0") }
        let unitPrice = try o.decimal("unitPrice", maxPlaces: 6)
        if unitPrice.isNegative { throw o.fail("unitPrice", "must not be negative") }
        let discount = try o.optionalDecimal("discount", maxPlaces: 2) ?? .zero
        if discount.isNegative { throw o.fail("discount", "must not be negative") }
        guard let gross = try? quantity * unitPrice else { throw o.fail("quantity", "quantity × unitPrice is too large") }
        if discount > gross {
            throw o.fail("discount", "\(discount) is more than quantity × unitPrice (\(gross.normalized))")
        }

        let rateValue = try o.required("ivaRate")
        guard case .string(let rateCode) = rateValue else {
            throw o.fail("ivaRate", "must be a string code: " + IVARate.codeList)
        }
        guard let rate = IVARate(rawValue: rateCode) else {
            throw o.fail("ivaRate", "unknown code '\(rateCode)'; use " + IVARate.codeList)
        }

        var details: [InvoiceNameValue] = []
        if let d = o.value("details") {
            guard case .object(let members) = d else { throw o.fail("details", "must be an object of name: value strings") }
            if members.count > maxItemDetails {
                throw o.fail("details", "at most \(maxItemDetails) entries are allowed")
            }
            for m in members {
                let f = o.field("details") + "." + m.key
                let name = try InputObject.text(.string(m.key), field: f, maxLength: 300)
                details.append(InvoiceNameValue(name: name, value: try InputObject.text(m.value, field: f, maxLength: 300)))
            }
        }
        return InvoiceItem(code: code, auxiliaryCode: auxiliaryCode, description: description, quantity: quantity,
                           unitPrice: unitPrice, discount: discount, ivaRate: rate, details: details)
    }

    static func parsePayment(_ value: JSONValue, path: String) throws(DocumentInputError) -> InvoicePayment {
        let o = try InputObject(value, path: path, allowed: paymentFields)
        let codes = PaymentMethod.allCases.map { "\"\($0.code)\" (\($0.spanishName))" }.joined(separator: ", ")
        guard case .string(let code) = try o.required("method") else { throw o.fail("method", "must be a string code: " + codes) }
        guard let method = PaymentMethod(rawValue: code) else { throw o.fail("method", "unknown code '\(code)'; use " + codes) }
        let amount = try o.decimal("amount", maxPlaces: 2)
        if amount.isNegative { throw o.fail("amount", "must not be negative") }
        let term = try o.optionalDecimal("term", maxPlaces: 2)
        if let term, term.isNegative { throw o.fail("term", "must not be negative") }
        let timeUnit = try o.optionalText("timeUnit", maxLength: 10)
        return InvoicePayment(method: method, amount: amount, term: term, timeUnit: timeUnit)
    }
}
