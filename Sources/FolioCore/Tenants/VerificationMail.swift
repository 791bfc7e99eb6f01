import FolioSupport

/// The verification e-mail, in the tenant's language.
enum VerificationMail {
    static func make(for tenant: Tenant, token: String, now: Timestamp, ids: IDGenerator) -> OutgoingMail {
        let subject: String
        let body: String
        switch tenant.language {
        case .es:
            subject = "Verifica tu correo para Folio"
            body = """
            Hola \(tenant.name):

            Gracias por registrarte en Folio. Para verificar tu dirección de correo usa este código:

                \(token)

            Guárdalo en un archivo (por ejemplo token.txt) y ejecuta:

                folio tenants verify \(tenant.id) --token-file token.txt

            El código vence en 7 días. Si no solicitaste esta cuenta, ignora este mensaje.
            """
        case .en:
            subject = "Verify your e-mail for Folio"
            body = """
            Hello \(tenant.name),

            Thank you for registering with Folio. To verify your e-mail address use this code:

                \(token)

            Save it to a file (for example token.txt) and run:

                folio tenants verify \(tenant.id) --token-file token.txt

            The code expires in 7 days. If you did not ask for this account, ignore this message.
            """
        }
        let messageID = "\(now.rfc3339.filter { $0.isNumber })-\(ids.make(.notification).dropFirst(4))"
        return OutgoingMail(from: "Folio <no-reply@folio.invalid>", to: tenant.email, subject: subject,
                            body: body, date: now, messageID: messageID)
    }
}
