import FolioSupport

/// An e-mail as an RFC 5322 message, ready for the outbox.
public struct OutgoingMail: Sendable {
    public var to: String
    public var subject: String
    public var body: String
    /// The file name stem in `outbox/` (time-ordered, unique).
    public var name: String
    public var rfc5322: [UInt8]

    public init(from: String, to: String, subject: String, body: String, date: Timestamp, messageID: String) {
        self.to = to
        self.subject = subject
        self.body = body
        self.name = messageID
        var text = ""
        text += "From: \(from)\r\n"
        text += "To: \(to)\r\n"
        text += "Subject: \(OutgoingMail.encodeHeader(subject))\r\n"
        text += "Date: \(OutgoingMail.rfc5322Date(date))\r\n"
        text += "Message-ID: <\(messageID)@folio.invalid>\r\n"
        text += "MIME-Version: 1.0\r\n"
        text += "Content-Type: text/plain; charset=utf-8\r\n"
        text += "Content-Transfer-Encoding: 8bit\r\n"
        text += "\r\n"
        text += body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        rfc5322 = Array(text.utf8)
    }

    /// RFC 2047 encoded-word for a header holding non-ASCII text.
    static func encodeHeader(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return "=?UTF-8?B?" + Base64.encode(Array(text.utf8)) + "?="
    }

    /// `Mon, 23 Nov 2026 08:00:00 +0000`
    static func rfc5322Date(_ t: Timestamp) -> String {
        let c = t.civil
        let days = CivilTime.floorDivide(t.seconds, 86_400)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][c.month - 1]
        return "\(weekday), \(zeroPadded(c.day, 2)) \(month) \(c.year) \(zeroPadded(c.hour, 2)):\(zeroPadded(c.minute, 2)):\(zeroPadded(c.second, 2)) +0000"
    }
}
