import FolioSupport

/// A JSON object being read as part of a document input, with its JSON path for error messages.
///
/// Creating one checks the value is an object and that it has no member outside `allowed`
/// (`unknown field 'qty'; did you mean 'quantity'?`): a misspelt optional field must never be
/// silently ignored on a tax document.
struct InputObject {
    let path: String
    let members: [JSONMember]

    init(_ value: JSONValue?, path: String, allowed: [String]) throws(DocumentInputError) {
        guard case .object(let members)? = value else {
            throw DocumentInputError(field: path.isEmpty ? "input" : path, message: "must be a JSON object")
        }
        for member in members where !allowed.contains(member.key) {
            var message = "unknown field '\(member.key)'"
            if let suggestion = FieldSuggestion.suggest(member.key, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; allowed: " + allowed.joined(separator: ", ")
            }
            throw DocumentInputError(field: InputObject.join(path, member.key), message: message)
        }
        self.path = path
        self.members = members
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func field(_ key: String) -> String { InputObject.join(path, key) }

    func fail(_ key: String, _ message: String) -> DocumentInputError {
        DocumentInputError(field: field(key), message: message)
    }

    /// The member's value; JSON `null` counts as absent.
    func value(_ key: String) -> JSONValue? {
        guard let v = members.first(where: { $0.key == key })?.value, v != .null else { return nil }
        return v
    }

    func required(_ key: String) throws(DocumentInputError) -> JSONValue {
        guard let v = value(key) else { throw fail(key, "is required") }
        return v
    }

    /// A single-line text of `1...maxLength` characters (the schema's `[^\n]*` with length limits).
    func text(_ key: String, maxLength: Int) throws(DocumentInputError) -> String {
        try InputObject.text(required(key), field: field(key), maxLength: maxLength)
    }

    func optionalText(_ key: String, maxLength: Int) throws(DocumentInputError) -> String? {
        guard let v = value(key) else { return nil }
        return try InputObject.text(v, field: field(key), maxLength: maxLength)
    }

    /// `field` is only built when the value is refused.
    static func text(_ value: JSONValue, field: @autoclosure () -> String, maxLength: Int) throws(DocumentInputError) -> String {
        guard case .string(let s) = value else { throw DocumentInputError(field: field(), message: "must be a string") }
        // One pass over the UTF-8 bytes for blank? and the length in scalars (bytes that do not
        // continue a sequence); the characters FreeTextRule refuses are found in a second.
        var blank = true, length = 0, underscore = false
        for b in s.utf8 {
            if b != 0x20 && b != 0x09 { blank = false }
            if b & 0xC0 != 0x80 { length += 1 }
            if b == 0x5F { underscore = true }
        }
        if blank { throw DocumentInputError(field: field(), message: "must not be empty") }
        if FreeTextRule.refusesAny(utf8: s.utf8), let scalar = FreeTextRule.firstRefused(in: s) {
            throw DocumentInputError(field: field(), message: "must be a single line without control characters, line "
                                     + "separators or bidirectional overrides (found \(FreeTextRule.name(scalar)))")
        }
        // Every API key has an underscore: the search for one runs only then.
        if underscore && SecretRedaction.containsKey(s) {
            throw DocumentInputError(field: field(), message: "holds what looks like an API key; a secret does not belong in a document")
        }
        if length > maxLength {
            throw DocumentInputError(field: field(), message: "is \(length) characters long; at most \(maxLength) are allowed")
        }
        return s
    }

    /// A decimal given as a JSON number (`12.5`) or string (`"12.50"`), without exponent.
    static func decimal(_ value: JSONValue, field: @autoclosure () -> String, maxPlaces: Int) throws(DocumentInputError) -> ExactDecimal {
        let text: String
        switch value {
        case .number(let n): text = n
        case .string(let s): text = s
        default: throw DocumentInputError(field: field(), message: "must be a decimal number such as 12.50 (a JSON number or a string)")
        }
        let d: ExactDecimal
        do {
            d = try ExactDecimal(parsing: text)
        } catch {
            let message = error == .overflow
                ? "'\(text)' is too large"
                : "'\(text)' is not a plain decimal number (write e.g. 12.50; no exponent, no thousands separator)"
            throw DocumentInputError(field: field(), message: message)
        }
        if d.significantScale > maxPlaces {
            throw DocumentInputError(field: field(), message: "has more than \(maxPlaces) decimal places")
        }
        if d.integerDigits > InvoiceInput.maxIntegerDigits {
            throw DocumentInputError(field: field(), message: "is too large (at most \(InvoiceInput.maxIntegerDigits) digits before the point)")
        }
        return d
    }

    func decimal(_ key: String, maxPlaces: Int) throws(DocumentInputError) -> ExactDecimal {
        try InputObject.decimal(required(key), field: field(key), maxPlaces: maxPlaces)
    }

    func optionalDecimal(_ key: String, maxPlaces: Int) throws(DocumentInputError) -> ExactDecimal? {
        guard let v = value(key) else { return nil }
        return try InputObject.decimal(v, field: field(key), maxPlaces: maxPlaces)
    }

    func array(_ key: String) throws(DocumentInputError) -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw fail(key, "must be an array") }
        return items
    }
}

/// "Did you mean…?" for field names: edit distance, abbreviations (`qty` → `quantity`), case
/// and the Spanish names of the SRI's XML (`cantidad` → `quantity`).
enum FieldSuggestion {
    static let spanish: [String: String] = [
        "cantidad": "quantity", "precioUnitario": "unitPrice", "descuento": "discount",
        "descripcion": "description", "codigo": "code", "codigoPrincipal": "code",
        "codigoAuxiliar": "auxiliaryCode", "comprador": "buyer", "detalles": "items",
        "pagos": "payments", "propina": "tip", "fechaEmision": "issueDate", "formaPago": "method",
        "total": "amount", "plazo": "term", "unidadTiempo": "timeUnit", "moneda": "currency",
        "infoAdicional": "additionalFields", "razonSocial": "name", "razonSocialComprador": "name",
        "identificacion": "identification", "direccion": "address", "telefono": "phone",
        "tarifa": "ivaRate", "iva": "ivaRate", "nombre": "name", "valor": "value",
        "price": "unitPrice", "date": "issueDate", "lines": "items", "customer": "buyer",
    ]

    static func suggest(_ key: String, among allowed: [String]) -> String? {
        if let s = spanish[key], allowed.contains(s) { return s }
        let lower = key.lowercased()
        if let s = allowed.first(where: { $0.lowercased() == lower }) { return s }
        var best: (String, Int)?
        for candidate in allowed {
            let d = EditDistance.between(lower, candidate.lowercased())
            if d <= max(1, candidate.count / 3), d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        if let best { return best.0 }
        // An abbreviation: same first letter, letters in order (qty → quantity, desc → description).
        return allowed.first { isAbbreviation(lower, of: $0.lowercased()) }
    }

    static func isAbbreviation(_ short: String, of long: String) -> Bool {
        guard short.count >= 2, short.count < long.count, short.first == long.first else { return false }
        var it = long.makeIterator()
        outer: for c in short {
            while let l = it.next() { if l == c { continue outer } }
            return false
        }
        return true
    }
}
