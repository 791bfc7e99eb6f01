import FolioSupport

/// What every message for a person goes through before it reaches stderr (errors, hints, parse
/// errors, warnings, notes), so that a message quoting input stays readable and harmless
/// whatever the input was:
///
/// - a quoted value (`'…'`, the convention of every message that quotes input) longer than
///   `quotedLimit` characters is cut to that many and "…": a 100,000-character e-mail makes a
///   one-line error, not a 100 KB one;
/// - the whole message is cut at `messageLimit` characters, for input quoted without quotes;
/// - the characters free text may not hold (`FreeTextRule`: escape sequences, C1 controls,
///   bidi overrides…) are shown as `\u{1B}` instead of acting on the terminal; the message's
///   own line breaks and tabs stay.
///
/// API keys are shortened separately, by `Console.err`, for everything on stderr.
enum MessageText {
    static let quotedLimit = 80
    static let messageLimit = 2_000

    static func safe(_ text: String) -> String {
        var result = capQuoted(text)
        if result.count > messageLimit { result = String(result.prefix(messageLimit)) + "…" }
        return FreeTextRule.visible(result, keepingLayout: true)
    }

    /// A bare value from input (an error's field, which may hold a JSON key the input made up):
    /// cut to `quotedLimit` characters, refused characters made visible.
    static func value(_ text: String) -> String {
        FreeTextRule.visible(text.count > quotedLimit ? String(text.prefix(quotedLimit)) + "…" : text)
    }

    /// `text` with each quoted value cut to `quotedLimit` characters. A quote opens a value
    /// when no letter or digit comes before it and closes it when none comes after it, so the
    /// apostrophe of "issuer's" opens nothing and `'o'neil@example.com'` is one value.
    static func capQuoted(_ text: String) -> String {
        guard text.count > quotedLimit + 2, text.contains("'") else { return text }
        let chars = Array(text)
        func isWord(_ i: Int) -> Bool { i >= 0 && i < chars.count && (chars[i].isLetter || chars[i].isNumber) }
        // The next closing quote at or after each position, found in one backward pass so that
        // a message full of quotes costs linear time.
        var nextClose = [Int?](repeating: nil, count: chars.count + 1)
        for j in stride(from: chars.count - 1, through: 0, by: -1) {
            nextClose[j] = chars[j] == "'" && !isWord(j + 1) ? j : nextClose[j + 1]
        }
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "'", !isWord(i - 1), let close = nextClose[i + 1] else {
                out.append(chars[i])
                i += 1
                continue
            }
            let value = chars[(i + 1)..<close]
            out += "'" + (value.count > quotedLimit ? String(value.prefix(quotedLimit)) + "…" : String(value)) + "'"
            i = close + 1
        }
        return out
    }
}
