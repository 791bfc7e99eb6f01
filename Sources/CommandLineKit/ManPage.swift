/// One generated manual page in mdoc(7) format.
public struct ManPage: Sendable {
    /// `folio.1`, `folio-tenants-register.1`
    public let fileName: String
    public let content: String

    public init(fileName: String, content: String) {
        self.fileName = fileName
        self.content = content
    }
}

/// Escaping for roff/mdoc source.
enum Roff {
    /// A line of running text: backslashes escaped, and a leading `.` or `'` (which would make
    /// it a request) neutralised with `\&`. Leading blanks are dropped (they would break lines).
    static func text(_ line: Substring) -> String {
        var out = ""
        let body = line.drop(while: { $0 == " " || $0 == "\t" }).trimmingSpaces
        if body.first == "." || body.first == "'" { out += "\\&" }
        for ch in body {
            if ch == "\\" { out += "\\e" } else { out.append(ch) }
        }
        return out
    }

    /// Prose with blank lines as paragraph breaks (`.Pp`); no blank lines in the output.
    static func prose(_ text: String) -> String {
        var out = ""
        var pendingParagraph = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let rendered = Roff.text(line)
            if rendered.isEmpty {
                pendingParagraph = !out.isEmpty
                continue
            }
            if pendingParagraph { out += ".Pp\n" }
            pendingParagraph = false
            out += sentencesOnOwnLines(rendered) + "\n"
        }
        return out
    }

    /// mdoc wants every sentence to start on a new source line ("new sentence, new line").
    static func sentencesOnOwnLines(_ line: String) -> String {
        var out = ""
        var previous: Character?
        var pendingBreak = false
        for ch in line {
            if pendingBreak {
                pendingBreak = false
                if ch == " " { out += "\n"; previous = "\n"; continue }
            }
            if ch == " ", previous == "\n" { continue }
            out.append(ch)
            if ch == "." || ch == "?" || ch == "!" { pendingBreak = true }
            previous = ch
        }
        // A line must not start with a dot (a request) after a break.
        return out.split(separator: "\n").map { l in
            l.first == "." || l.first == "'" ? "\\&" + l : String(l)
        }.joined(separator: "\n")
    }

    /// One argument of a macro line: quoted when it has blanks, `"` and `\` escaped.
    static func argument(_ text: String) -> String {
        var out = ""
        var needsQuotes = text.isEmpty
        for ch in text {
            switch ch {
            case "\\": out += "\\e"
            case "\"": out += "\\(dq"
            case " ", "\t": needsQuotes = true; out.append(ch)
            default: out.append(ch)
            }
        }
        return needsQuotes ? "\"\(out)\"" : out
    }

    /// A name for `.Nm`/`.Dt`, with hyphens as `\-`.
    static func name(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "-" { out += "\\-" } else if ch == "\\" { out += "\\e" } else { out.append(ch) }
        }
        return out
    }

    /// `.Fl \-output Ar format` style flag text for an option, without the macro name.
    static func optionHead(_ option: Option) -> String {
        var text = ""
        if let short = option.short { text += "Fl \(argument(String(short))) , " }
        text += "Fl \\-\(option.long)"
        if let value = option.valueName { text += " Ar \(argument(value))" }
        return text
    }

    /// The one-line description for `.Nd`: no final period.
    static func description(_ abstract: String) -> String {
        var line = Substring(abstract.split(separator: "\n").first ?? "")
        if line.hasSuffix(".") { line = line.dropLast() }
        return text(line)
    }
}
