import Testing
@testable import FolioCore
import FolioSupport

@Suite struct InvoiceInputTests {
    static let today = (year: 2026, month: 11, day: 22)

    /// A minimal valid input; `edit` changes it before parsing.
    static func base() -> String {
        #"""
        {"buyer": {"identificationType": "05", "identification": "1710034065", "name": "Ana"},
         "items": [{"code": "A", "description": "Uno", "quantity": "2", "unitPrice": "10", "ivaRate": "4"}]}
        """#
    }

    func parse(_ text: String) throws(DocumentInputError) -> InvoiceInput {
        let json = try! JSONParser.parse(text)
        return try InvoiceBuilder.validate(input: json, today: Self.today)
    }

    func error(_ text: String) -> DocumentInputError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    func withItem(_ item: String) -> String {
        #"{"buyer": {"identificationType": "07", "identification": "9999999999999", "name": "CONSUMIDOR FINAL"}, "items": [{"code": "A", "description": "a", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}, "#
            + item + "]}"
    }

    @Test func minimalInputGetsDefaults() throws {
        let input = try parse(Self.base())
        #expect(input.issueDate == CalendarDate(year: 2026, month: 11, day: 22))
        #expect(input.currency == "DOLAR")
        #expect(input.tip == .zero)
        #expect(input.paymentsDefaulted)
        #expect(input.payments == [InvoicePayment(method: .cash, amount: try ExactDecimal(parsing: "23.00"), term: nil, timeUnit: nil)])
        #expect(input.items[0].discount == .zero)
    }

    @Test func theExampleFileParses() throws {
        let json = try JSONParser.parse(SRITestFiles.bytes(SRITestFiles.examples.appendingPathComponent("invoice.json")))
        let input = try InvoiceBuilder.validate(input: json, today: Self.today)
        #expect(input.items.count == 3)
        #expect(input.items[0].details == [InvoiceNameValue(name: "Período", value: "noviembre 2026"),
                                           InvoiceNameValue(name: "Consultor", value: "R. Salazar")])
        #expect(!input.paymentsDefaulted)
        #expect(input.infoAdicional.map(\.name) == ["Email", "Teléfono", "Orden de compra", "Vendedor"])
    }

    @Test func theBatchExampleHasThreeValidLines() throws {
        let lines = try JSONParser.parseLines(SRITestFiles.bytes(SRITestFiles.examples.appendingPathComponent("batch.jsonl")))
        #expect(lines.map(\.line) == [1, 2, 3])
        for line in lines { _ = try InvoiceBuilder.validate(input: line.value, today: Self.today) }
    }

    @Test(arguments: [
        (#"{"code": "B", "description": "b", "quantity": "-1", "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "greater than 0"),
        (#"{"code": "B", "description": "b", "quantity": 0, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "greater than 0"),
        (#"{"code": "B", "description": "b", "quantity": "1.1234567", "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "6 decimal places"),
        (#"{"code": "B", "description": "b", "quantity": 1e2, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "plain decimal"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": "-0.01", "ivaRate": "0"}"#, "items[1].unitPrice", "negative"),
        (#"{"code": "B", "description": "b", "quantity": 2, "unitPrice": "1.50", "discount": "3.01", "ivaRate": "0"}"#, "items[1].discount", "more than quantity"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": 1, "discount": "0.001", "ivaRate": "0"}"#, "items[1].discount", "2 decimal places"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": 1, "ivaRate": "9"}"#, "items[1].ivaRate", "unknown code '9'"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": 1, "ivaRate": 4}"#, "items[1].ivaRate", "must be a string"),
        (#"{"code": "B", "description": "b", "qty": 1, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].qty", "did you mean 'quantity'?"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitprice": 1, "ivaRate": "0"}"#, "items[1].unitprice", "did you mean 'unitPrice'?"),
        (#"{"code": "B", "description": "b", "cantidad": 1, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].cantidad", "did you mean 'quantity'?"),
        (#"{"code": "B", "description": "b", "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "is required"),
        (#"{"code": "12345678901234567890123456", "description": "b", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].code", "at most 25"),
        (#"{"code": "B", "description": "two\nlines", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].description", "single line"),
        (#"{"code": "B", "description": "  ", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}"#, "items[1].description", "empty"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": 1, "ivaRate": "0", "details": {"a": "1", "b": "2", "c": "3", "d": "4"}}"#, "items[1].details", "at most 3"),
        (#"{"code": "B", "description": "b", "quantity": 1, "unitPrice": 1, "ivaRate": "0", "details": {"a": 1}}"#, "items[1].details.a", "must be a string"),
        (#"{"code": "B", "description": "b", "quantity": "1234567890123", "unitPrice": 1, "ivaRate": "0"}"#, "items[1].quantity", "too large"),
        (#""text""#, "items[1]", "must be a JSON object"),
    ])
    func itemErrorsNameTheField(item: String, field: String, fragment: String) {
        let e = error(withItem(item))
        #expect(e?.field == field, "\(e?.description ?? "no error")")
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
    }

    @Test(arguments: [
        (#""identificationType": "05", "identification": "1710034066", "name": "A""#, "buyer.identification", "check digit"),
        (#""identificationType": "05", "identification": "171003406", "name": "A""#, "buyer.identification", "10 digits"),
        (#""identificationType": "04", "identification": "1710034065002", "name": "A""#, "buyer.identification", "001"),
        (#""identificationType": "04", "identification": "9910034065001", "name": "A""#, "buyer.identification", "province"),
        (#""identificationType": "07", "identification": "1710034065", "name": "A""#, "buyer.identification", "9999999999999"),
        (#""identificationType": "06", "identification": "A-12", "name": "A""#, "buyer.identification", "letters or digits"),
        (#""identificationType": "09", "identification": "X", "name": "A""#, "buyer.identificationType", "unknown code"),
        (#""identificationType": "05", "identification": "1710034065""#, "buyer.name", "is required"),
        (#""identificationType": "05", "identification": "1710034065", "name": "A", "email": "a@b""#, "buyer.email", "e-mail"),
        (#""identificationType": "05", "identification": "1710034065", "name": "A", "mail": "a@b.ec""#, "buyer.mail", "did you mean 'email'?"),
    ])
    func buyerErrorsNameTheField(buyer: String, field: String, fragment: String) {
        let text = #"{"buyer": {"# + buyer + #"}, "items": [{"code": "A", "description": "a", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}]}"#
        let e = error(text)
        #expect(e?.field == field, "\(e?.description ?? "no error")")
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
    }

    @Test func validBuyerIdentifications() throws {
        for (type, id) in [("04", "1790012345001"), ("05", "0923456784"), ("06", "X1234567"), ("08", "DE123456789"), ("07", "9999999999999")] {
            let text = #"{"buyer": {"identificationType": ""# + type + #"", "identification": ""# + id + #"", "name": "A"}, "items": [{"code": "A", "description": "a", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}]}"#
            #expect(try parse(text).buyer.identification == id)
        }
    }

    @Test(arguments: [
        (#""payments": [{"method": "01", "amount": "20.00"}]"#, "payments", "add up to 20.00 but the invoice total is 23.00"),
        (#""payments": [{"method": "02", "amount": "23.00"}]"#, "payments[0].method", "unknown code '02'"),
        (#""payments": [{"method": "19", "amount": "23.00", "plazo": 3}]"#, "payments[0].plazo", "did you mean 'term'?"),
        (#""payments": {"method": "19"}"#, "payments", "must be an array"),
        (#""issueDate": "2026-02-30""#, "issueDate", "not a valid date"),
        (#""issueDate": "22/11/2026""#, "issueDate", "not a valid date"),
        (#""currency": "EUR""#, "currency", "DOLAR"),
        (#""tip": "-1""#, "tip", "negative"),
        (#""qty": 1"#, "qty", "allowed:"),
        (#""items": []"#, "items", "at least one item"),
        (#""additionalFields": [{"name": "a"}]"#, "additionalFields[0].value", "is required"),
        (#""additionalFields": [{"nombre": "a", "value": "b"}]"#, "additionalFields[0].nombre", "did you mean 'name'?"),
    ])
    func topLevelErrorsNameTheField(extra: String, field: String, fragment: String) {
        var text = Self.base()
        text.removeLast(); text += ", " + extra + "}"
        if extra.hasPrefix(#""items""#) {
            text = #"{"buyer": {"identificationType": "05", "identification": "1710034065", "name": "Ana"}, "# + extra + "}"
        }
        let e = error(text)
        #expect(e?.field == field, "\(e?.description ?? "no error")")
        #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "no error")")
    }

    @Test func paymentsThatAddUpAreKept() throws {
        var text = Self.base()
        text.removeLast()
        text += #", "payments": [{"method": "19", "amount": 20}, {"method": "20", "amount": "3.00", "term": 30, "timeUnit": "dias"}]}"#
        let input = try parse(text)
        #expect(!input.paymentsDefaulted)
        #expect(input.payments.map(\.method) == [.creditCard, .otherFinancialSystem])
        #expect(input.payments[1].timeUnit == "dias")
    }

    @Test func additionalFieldsShareFifteenPlacesWithEmailAndPhone() {
        let fields = (0..<14).map { #"{"name": "n\#($0)", "value": "v"}"# }.joined(separator: ",")
        let text = #"{"buyer": {"identificationType": "05", "identification": "1710034065", "name": "A", "email": "a@b.ec", "phone": "1"}, "items": [{"code": "A", "description": "a", "quantity": 1, "unitPrice": 1, "ivaRate": "0"}], "additionalFields": ["# + fields + "]}"
        let e = error(text)
        #expect(e?.field == "additionalFields")
        #expect(e?.message.contains("at most 13") == true)
    }

    @Test func rootMustBeAnObject() {
        #expect(error("[]")?.field == "input")
    }
}
