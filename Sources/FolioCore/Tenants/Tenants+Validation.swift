extension Tenants {
    /// E-mails are unique case-insensitively.
    static func normalize(email: String) -> String { email.trimmingSpaces.lowercased() }

    /// A practical address check (RFC 5321 limits, dot-atom local part, a dotted domain), not
    /// the full RFC 5322 grammar that no mail system accepts anyway.
    public static func validate(email raw: String) throws(FolioError) -> String {
        let email = raw.trimmingSpaces
        let fail = { (why: String) -> FolioError in
            .validation("'\(raw)' is not a valid e-mail address: \(why)", field: "email",
                        hint: "give an address like ana@example.com")
        }
        guard email.utf8.count <= 254 else { throw fail("longer than 254 characters") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("it needs exactly one '@'") }
        let local = parts[0], domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard !local.isEmpty, local.count <= 64 else { throw fail("the part before '@' must have 1 to 64 characters") }
        guard local.allSatisfy(localAllowed.contains) else { throw fail("the part before '@' has a character not allowed") }
        guard local.first != ".", local.last != ".", !local.contains("..") else { throw fail("misplaced '.' before '@'") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw fail("the domain needs a dot, as in example.com") }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.allSatisfy(labelAllowed.contains),
                  label.first != "-", label.last != "-" else { throw fail("the domain '\(domain)' is malformed") }
        }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else {
            throw fail("the domain must end in a top-level domain of letters")
        }
        return email
    }

    static func validate(name raw: String) throws(FolioError) -> String {
        let name = raw.trimmingSpaces
        guard !name.isEmpty else { throw .validation("the name must not be empty", field: "name") }
        guard name.count <= 200 else { throw .validation("the name is longer than 200 characters", field: "name") }
        try FreeText.check(name, field: "name", what: "the name")
        return name
    }
}
