/// Finds text shaped like an API key (`folio_test_`/`folio_live_` and more than the displayed
/// start's 4 base62 characters) and shortens it to its displayed start and "…". The CLI passes
/// everything it writes to stderr through `redact`, so that a key pasted where a path, a
/// handle or a scope belongs is not printed back into terminals, CI logs and bug reports;
/// free-text validation uses `containsKey` to keep keys out of stored names and labels, which
/// lists would print.
///
/// A shorter or longer run than a real key's 36 characters counts too: a truncated or
/// mistyped key is still most of a secret.
public enum SecretRedaction {
    /// `text` with every key-shaped run replaced by its displayed start and "…"
    /// (`folio_test_AbCd…`).
    public static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var runs = keyRuns(in: bytes)
        guard !runs.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        runs.reverse()
        while let run = runs.popLast() {
            out += bytes[copied..<(run.lowerBound + ApiKeyFormat.startLength)]
            out += Array("…".utf8)
            copied = run.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds a key-shaped run.
    public static func containsKey(_ text: String) -> Bool { !keyRuns(in: Array(text.utf8)).isEmpty }

    /// The byte ranges of the key-shaped runs: a prefix and more than 4 base62 characters.
    static func keyRuns(in bytes: [UInt8]) -> [Range<Int>] {
        let folio = Array("folio_".utf8), test = Array("test_".utf8), live = Array("live_".utf8)
        let prefix = ApiKeyFormat.prefixLength
        var runs: [Range<Int>] = []
        var i = 0
        while i + ApiKeyFormat.startLength < bytes.count {
            guard bytes[i] == 0x66, bytes[i..<(i + 6)].elementsEqual(folio),
                  bytes[(i + 6)..<(i + prefix)].elementsEqual(test) || bytes[(i + 6)..<(i + prefix)].elementsEqual(live) else {
                i += 1
                continue
            }
            var end = i + prefix
            while end < bytes.count, ApiKeyFormat.isBase62(bytes[end]) { end += 1 }
            if end > i + ApiKeyFormat.startLength { runs.append(i..<end) }
            i = end
        }
        return runs
    }
}
