import FolioCore

extension Remedy {
    /// The remedy as the command line to run.
    var hint: String {
        switch self {
        case .createStore: return "run 'folio init' to create it, or point --store / FOLIO_STORE at an existing one"
        case .chooseAnotherStore: return "choose another --store, or fix the directory's permissions"
        case .waitLongerForLock:
            return "another folio process holds it: try again once it is done, or wait longer with "
                + "--\(GlobalOptions.lockTimeout.option.long) SECONDS (or \(GlobalOptions.lockTimeout.option.env ?? ""))"
        case .restoreBackup: return "restore it from a backup made with 'folio store backup'"
        case .restoreMasterKey(let path):
            return "restore \(path) from your backup of it ('folio store backup' copies the database only); 'folio store check' then verifies it"
        case .restrictPermissions(let path, let mode):
            return "chmod \(String(mode, radix: 8)) \(Remedy.shellWord(path))"
        case .listTenants: return "list tenants with 'folio tenants list'"
        case .listIssuers: return "list issuers with 'folio issuers list'"
        case .listKeys: return "list keys with 'folio keys list --tenant TENANT'"
        case .activateTenant(let id): return "activate it with 'folio tenants activate \(id)'"
        case .verifyTenant(let id): return "verify it with 'folio tenants verify \(id)', or pass --force as an admin override"
        case .giveVerificationToken(let id):
            return "pass --token-file FILE or pipe the token on stdin ('folio tenants verify \(id) --token-file token.txt'); or --force as an admin"
        case .useLatestToken(let id):
            return "use the token of the latest e-mail; 'folio tenants resend-verification \(id)' sends a new one"
        case .resendVerification(let id): return "send a new one with 'folio tenants resend-verification \(id)'"
        case .promoteTenant(let id): return "promote it with 'folio tenants promote \(id)'"
        case .changeTier(let tenant, let tier): return "change the tier with 'folio tenants set-tier \(tenant) \(tier)'"
        case .mintKey(let tenant): return "mint a new key with 'folio keys mint --tenant \(tenant)'"
        case .createIssuer(let tenant): return "create further issuers with 'folio issuers create --tenant \(tenant)'"
        case .chooseAnotherSeries: return "choose another --establishment or --point"
        case .enableDocumentType(let issuer, let code): return "enable it with 'folio issuers doc-types enable \(issuer) \(code)'"
        case .giveCertificate(let issuer):
            return "create one with 'folio issuers cert generate \(issuer)' or import a .p12 with 'folio issuers cert import \(issuer)'"
        case .importCurrentCertificate(let issuer): return "import a current .p12 with 'folio issuers cert import \(issuer)'"
        case .restartList(let sort?):
            return "continue with the order the cursor was made in (--sort \(sort)), or leave out --cursor to start from the first page"
        case .restartList(nil): return "use the nextCursor of a page of this list, or leave out --cursor to start from the first page"
        case .chooseExportPeriod: return "pass --from DATE and/or --to DATE, or --all-time to export every date"
        case .nameExportTenant: return "pass --tenant TENANT (or --issuer ISSUER, whose tenant it is)"
        case .listExports: return "list exports with 'folio exports list'"
        case .listWebhooks: return "list webhook endpoints with 'folio webhooks list'"
        }
    }
}

extension Remedy {
    /// `text` as one shell word: as it is when it holds nothing the shell would read, else in
    /// single quotes (a path with spaces stays one argument when the hint is pasted).
    static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "/._-+,:@%".utf8.contains(byte)
        }
        if plain { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

/// Core names a field by its path in the domain (`issuer.legalName`); where an option of the
/// command line gave it, errors name the option instead.
enum FieldOptions {
    static let options: [String: String] = [
        "issuer.ruc": "ruc", "issuer.legalName": "legal-name", "issuer.tradeName": "trade-name",
        "issuer.headOfficeAddress": "address", "issuer.establishmentAddress": "establishment-address",
        "issuer.establishment": "establishment", "issuer.emissionPoint": "point",
        "issuer.specialTaxpayer": "special-taxpayer",
        "filter.to": "to", "filter.minTotal": "min-total", "filter.maxTotal": "max-total", "filter.documentType": "type",
        "filter.accessKeyPrefix": "access-key-prefix", "filter.buyerName": "buyer-name", "filter.buyerIdentification": "buyer",
        "webhook.url": "url", "webhook.events": "events", "webhook.grace": "grace", "webhook.secret": "secret-file",
        "replay.event": "event", "replay.since": "since", "replay.endpoint": "endpoint", "replay.type": "type",
        "replay.rate": "rate", "replay.status": "status",
    ]

    /// The error as the command line shows it: the field an option's name, the message prefixed
    /// with that option when it came from a domain path.
    static func forCommandLine(_ error: FolioError) -> FolioError {
        guard let field = error.field, let option = options[field] else { return error }
        var shown = error
        shown.field = option
        shown.message = "\(option): \(error.message)"
        return shown
    }
}
