import FolioSupport

/// When a signing certificate's tenant is told about its end: 30, 7 and 1 days before, and once
/// it has expired, one notification each.
///
/// Only the tightest threshold the certificate is inside is notified: a certificate first seen
/// with 5 days left gets the 7-day notification, not the 30-day one too (a late "30 days" would
/// be wrong when 5 are left). Thresholds it skipped are never made up later.
enum CertificateExpiry {
    /// The thresholds in days, widest first; 0 stands for "expired".
    static let thresholds = [30, 7, 1]

    /// The threshold a certificate ending at `notAfter` is inside at `now`: 0 once expired, else
    /// the smallest of 30, 7, 1 days that the time left is within; nil with more than 30 days.
    static func threshold(notAfter: Timestamp, now: Timestamp) -> Int? {
        let left = notAfter.seconds - now.seconds
        if left <= 0 { return 0 }
        return thresholds.reversed().first { left <= Int64($0) * 86_400 }
    }

    /// The notification of `certificate` at `threshold`, filed under its first issuer (lowest
    /// id); every issuer that signs with it is named in the details.
    static func draft(_ certificate: CertificateInUse, threshold: Int, now: Timestamp) -> NotificationDraft {
        let first = certificate.issuers[0]
        let issuerText = "issuer \(first.name) (\(first.series), RUC \(first.ruc))"
            + (certificate.issuers.count > 1 ? " and \(certificate.issuers.count - 1) more" : "")
        let left = certificate.notAfter.seconds - now.seconds
        let daysLeft = Int(left >= 0 ? left / 86_400 : -((-left + 86_399) / 86_400))
        let details = JSONValue.object([
            JSONMember("certificateId", .string(certificate.id)),
            JSONMember("subject", .string(certificate.subject)),
            JSONMember("notAfter", .string(certificate.notAfter.rfc3339)),
            JSONMember("threshold", .int(threshold)),
            JSONMember("daysLeft", .int(daysLeft)),
            JSONMember("issuerIds", .array(certificate.issuers.map { .string($0.id) })),
        ])
        if threshold == 0 {
            return NotificationDraft(
                tenantId: certificate.tenantId, issuerId: first.id, type: .certificateExpired,
                title: "Signing certificate expired",
                message: "The signing certificate of \(issuerText) expired at \(certificate.notAfter.rfc3339); "
                    + "documents can no longer be signed with it. Replace it with a current certificate.",
                details: details, certificateId: certificate.id, threshold: 0)
        }
        let days = threshold == 1 ? "1 day" : "\(threshold) days"
        return NotificationDraft(
            tenantId: certificate.tenantId, issuerId: first.id, type: .certificateExpiring,
            title: "Signing certificate expires within \(days)",
            message: "The signing certificate of \(issuerText) expires at \(certificate.notAfter.rfc3339). "
                + "Replace it before then, or documents can no longer be signed.",
            details: details, certificateId: certificate.id, threshold: threshold)
    }
}
