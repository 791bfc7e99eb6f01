/// The most bytes Folio reads from each kind of input (a file, a pipe, stdin). Every read of
/// input is bounded, so that `--key-file /dev/zero` or a stray pipe costs a bounded amount of
/// memory and fails `validation_failed` naming the option, instead of reading until the
/// machine runs out of memory. README ("Input limits") lists them; each is far above any real
/// input of its kind.
struct InputLimit: Sendable {
    /// What the input is, for the message ("API key").
    let what: String
    let bytes: Int
    /// One such input, for "the most Folio reads for an API key".
    let one: String

    /// A key is 47 characters; the rest is room for white space around it.
    static let apiKey = InputLimit(what: "API key", bytes: 512, one: "an API key")
    /// A token is 48 hex characters.
    static let verificationToken = InputLimit(what: "verification token", bytes: 512, one: "a token")
    /// A `whsec_` secret is at most 94 characters; a headers file a few lines.
    static let webhookSecret = InputLimit(what: "webhook secret", bytes: 512, one: "a webhook secret")
    static let webhookHeaders = InputLimit(what: "headers file", bytes: 64 << 10, one: "a headers file")
    /// A webhook body: an event's JSON, with room to spare.
    static let webhookBody = InputLimit(what: "webhook body", bytes: 4 << 20, one: "a webhook body")
    static let password = InputLimit(what: "password", bytes: 4096, one: "a password")
    /// A certificate chain and its key take a few KiB.
    static let pkcs12 = InputLimit(what: "PKCS#12 file", bytes: 1 << 20, one: "a PKCS#12 file")
    /// One invoice, alone or as one line of a batch: thousands of items fit.
    static let invoice = InputLimit(what: "invoice JSON", bytes: 2 << 20, one: "one invoice")
    /// A signed document to verify: an invoice at the limit above, as XML, with room to spare.
    static let xmlDocument = InputLimit(what: "XML document", bytes: 16 << 20, one: "an XML document")

    /// `bytes` in words: "512 bytes", "2 MiB".
    var described: String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
