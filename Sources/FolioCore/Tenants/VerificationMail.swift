import FolioSupport

/// The verification e-mail, in the tenant's language.
enum VerificationMail {
    /// `howTo` is the front end's own line for using the token (`{tenant}` becomes the tenant's
    /// id); without it the mail only gives the code.
    static func make(for tenant: Tenant, token: String, howTo: String?, now: Timestamp, ids: IDGenerator) -> OutgoingMail {
        let instruction = howTo.map { $0.replacingAll("{tenant}", with: tenant.id) }
        let subject: String
        var body: String
        switch tenant.language {
        case .es:
            subject = "Verifica tu correo para Folio"
            body = """
            Hola \(tenant.name):

            Gracias por registrarte en Folio. Para verificar tu dirección de correo usa este código:

                \(token)

            """
            if let instruction { body += "Guárdalo en un archivo (por ejemplo token.txt) y ejecuta:\n\n    \(instruction)\n\n" }
            body += "El código vence en 7 días. Si no solicitaste esta cuenta, ignora este mensaje."
        case .en:
            subject = "Verify your e-mail for Folio"
            body = """
            Hello \(tenant.name),

            Thank you for registering with Folio. To verify your e-mail address use this code:

                \(token)

            """
            if let instruction { body += "Save it to a file (for example token.txt) and run:\n\n    \(instruction)\n\n" }
            body += "The code expires in 7 days. If you did not ask for this account, ignore this message."
        }
        let messageID = "\(now.rfc3339.filter { $0.isNumber })-\(ids.make(.notification).dropFirst(4))"
        return OutgoingMail(from: "Folio <no-reply@folio.invalid>", to: tenant.email, subject: subject,
                            body: body, date: now, messageID: messageID)
    }
}
