import FolioSupport

/// A certificate row with its secret parts: the DER and the sealed PKCS#8 private key.
struct CertificateRecord {
    var info: IssuerCertificate
    var der: [UInt8]
    var sealedKey: [UInt8]
}

/// SQL of issuers, their certificates and document types.
extension StoreTransaction {
    func insertIssuer(_ i: Issuer) throws(FolioError) {
        try run("""
            INSERT INTO issuers (id, tenant_id, name, ruc, legal_name, trade_name, address, establishment_address,
                establishment, emission_point, keeps_accounts, special_taxpayer, certificate_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(i.id), .text(i.tenantId), .text(i.name), .text(i.ruc), .text(i.legalName), .optional(i.tradeName),
                  .text(i.address), .optional(i.establishmentAddress), .text(i.establishment), .text(i.emissionPoint),
                  .integer(i.keepsAccounts ? 1 : 0), .optional(i.specialTaxpayer), .optional(i.certificateId),
                  .text(i.createdAt.rfc3339), .text(i.updatedAt.rfc3339)])
    }

    func setIssuerCertificate(issuerId: String, certificateId: String, at: Timestamp) throws(FolioError) {
        try run("UPDATE issuers SET certificate_id = ?, updated_at = ? WHERE id = ?",
                [.text(certificateId), .text(at.rfc3339), .text(issuerId)])
    }

    func issuer(id: String) throws(FolioError) -> Issuer? {
        try queryOne("SELECT * FROM issuers WHERE id = ?", [.text(id)]).map(Issuer.init(row:))
    }

    func issuer(tenantId: String, establishment: String, emissionPoint: String) throws(FolioError) -> Issuer? {
        try queryOne("SELECT * FROM issuers WHERE tenant_id = ? AND establishment = ? AND emission_point = ?",
                     [.text(tenantId), .text(establishment), .text(emissionPoint)]).map(Issuer.init(row:))
    }

    func issuers(tenantId: String?, afterId: String?, limit: Int?) throws(FolioError) -> [Issuer] {
        var sql = "SELECT * FROM issuers WHERE 1 = 1"
        var values: [SQLValue] = []
        if let tenantId { sql += " AND tenant_id = ?"; values.append(.text(tenantId)) }
        if let afterId { sql += " AND id > ?"; values.append(.text(afterId)) }
        sql += " ORDER BY id"
        if let limit { sql += " LIMIT \(limit)" }
        return try query(sql, values).map(Issuer.init(row:))
    }

    func insertCertificate(_ record: CertificateRecord) throws(FolioError) {
        let c = record.info
        try run("""
            INSERT INTO issuer_certificates (id, tenant_id, source, certificate_der, sealed_private_key, subject,
                issuer_name, serial, not_before, not_after, fingerprint_sha256, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(c.id), .text(c.tenantId), .text(c.source), .blob(record.der), .blob(record.sealedKey),
                  .text(c.subject), .text(c.issuer), .text(c.serial), .text(c.notBefore.rfc3339),
                  .text(c.notAfter.rfc3339), .text(c.fingerprint), .text(c.createdAt.rfc3339)])
    }

    func certificate(id: String, now: Timestamp) throws(FolioError) -> CertificateRecord? {
        guard let row = try queryOne("SELECT * FROM issuer_certificates WHERE id = ?", [.text(id)]) else { return nil }
        let info = IssuerCertificate(
            id: row.text("id"), tenantId: row.text("tenant_id"), source: row.text("source"), subject: row.text("subject"),
            issuer: row.text("issuer_name"), serial: row.text("serial"),
            notBefore: Timestamp(rfc3339: row.text("not_before")) ?? Timestamp(seconds: 0),
            notAfter: Timestamp(rfc3339: row.text("not_after")) ?? Timestamp(seconds: 0),
            fingerprint: row.text("fingerprint_sha256"),
            createdAt: Timestamp(rfc3339: row.text("created_at")) ?? Timestamp(seconds: 0), checkedAt: now)
        return CertificateRecord(info: info, der: row.blob("certificate_der") ?? [],
                                 sealedKey: row.blob("sealed_private_key") ?? [])
    }

    func enableDocumentType(issuerId: String, code: String, at: Timestamp) throws(FolioError) {
        try run("INSERT OR IGNORE INTO issuer_document_types (issuer_id, document_type, enabled_at) VALUES (?, ?, ?)",
                [.text(issuerId), .text(code), .text(at.rfc3339)])
    }

    func disableDocumentType(issuerId: String, code: String) throws(FolioError) {
        try run("DELETE FROM issuer_document_types WHERE issuer_id = ? AND document_type = ?", [.text(issuerId), .text(code)])
    }

    /// Enabled types and when each was enabled, by code.
    func documentTypes(issuerId: String) throws(FolioError) -> [String: Timestamp] {
        var result: [String: Timestamp] = [:]
        for row in try query("SELECT document_type, enabled_at FROM issuer_document_types WHERE issuer_id = ?",
                             [.text(issuerId)]) {
            result[row.text("document_type")] = Timestamp(rfc3339: row.text("enabled_at")) ?? Timestamp(seconds: 0)
        }
        return result
    }
}

extension Issuer {
    init(row: SQLRow) {
        self.init(id: row.text("id"), tenantId: row.text("tenant_id"), name: row.text("name"), ruc: row.text("ruc"),
                  legalName: row.text("legal_name"), tradeName: row.string("trade_name"), address: row.text("address"),
                  establishmentAddress: row.string("establishment_address"), establishment: row.text("establishment"),
                  emissionPoint: row.text("emission_point"), keepsAccounts: row.int("keeps_accounts") == 1,
                  specialTaxpayer: row.string("special_taxpayer"), certificateId: row.string("certificate_id"),
                  createdAt: Timestamp(rfc3339: row.text("created_at")) ?? Timestamp(seconds: 0),
                  updatedAt: Timestamp(rfc3339: row.text("updated_at")) ?? Timestamp(seconds: 0))
    }
}
