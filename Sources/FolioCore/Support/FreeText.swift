import FolioSupport

/// The check every free text an administrator types goes through before it is stored (a
/// tenant's name, a key's label, a reason, an issuer's name and addresses, the actor): no
/// character that acts on whoever later reads it (`FreeTextRule`), and no API key, which lists
/// and the audit log would print to everyone who reads them. Invoice texts follow the same rule
/// through `InputObject.text`.
public enum FreeText {
    /// Fails `validation_failed` on `field` when `text` breaks the rule; `what` names the value
    /// in the message ("the name").
    public static func check(_ text: String, field: String, what: String) throws(FolioError) {
        if let scalar = FreeTextRule.firstRefused(in: text) {
            throw .validation("\(what) holds \(FreeTextRule.name(scalar)), \(kind(of: scalar)); free text may not, "
                              + "as it would act on whoever reads it", field: field,
                              hint: "type the text again without it; control characters, line breaks and bidirectional overrides are refused")
        }
        if SecretRedaction.containsKey(text) {
            throw .validation("\(what) holds what looks like an API key; a secret does not belong in free text, "
                              + "which lists and the audit log show", field: field,
                              hint: "remove the key from the text, and revoke it if it was shared")
        }
    }

    /// What sort of refused character `scalar` is, in words.
    static func kind(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: return "a line break"
        case 0x09: return "a tab"
        case 0x202A...0x202E, 0x2066...0x2069: return "a bidirectional override"
        case 0xFFFE, 0xFFFF: return "a noncharacter"
        default: return "a control character"
        }
    }
}
