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
            VALUES (\(i.id), \(i.tenantId), \(i.name), \(i.ruc), \(i.legalName), \(i.tradeName), \(i.address),
                \(i.establishmentAddress), \(i.establishment), \(i.emissionPoint), \(i.keepsAccounts), \(i.specialTaxpayer),
                \(i.certificateId), \(i.createdAt), \(i.updatedAt))
            """)
    }

    func setIssuerCertificate(issuerId: String, certificateId: String, at: Timestamp) throws(FolioError) {
        try run("UPDATE issuers SET certificate_id = \(certificateId), updated_at = \(at) WHERE id = \(issuerId)")
    }

    func issuer(id: String) throws(FolioError) -> Issuer? {
        try fetchOne("SELECT * FROM issuers WHERE id = \(id)", table: "issuers", Issuer.init(row:))
    }

    func issuer(tenantId: String, establishment: String, emissionPoint: String) throws(FolioError) -> Issuer? {
        try fetchOne("""
            SELECT * FROM issuers WHERE tenant_id = \(tenantId) AND establishment = \(establishment)
                AND emission_point = \(emissionPoint)
            """, table: "issuers", Issuer.init(row:))
    }

    func issuers(tenantId: String?, after cursor: String?, limit: Int?) throws(FolioError) -> Page<Issuer> {
        var list = ListQuery("SELECT * FROM issuers", table: "issuers", key: "id")
        if let tenantId { list.filter("tenant_id = \(tenantId)") }
        return try page(list, after: cursor, limit: limit, Issuer.init(row:), cursor: \.id)
    }

    func insertCertificate(_ record: CertificateRecord) throws(FolioError) {
        let c = record.info
        try run("""
            INSERT INTO issuer_certificates (id, tenant_id, source, certificate_der, sealed_private_key, subject,
                issuer_name, serial, not_before, not_after, fingerprint_sha256, created_at)
            VALUES (\(c.id), \(c.tenantId), \(c.source), \(record.der), \(record.sealedKey), \(c.subject), \(c.issuer),
                \(c.serial), \(c.notBefore), \(c.notAfter), \(c.fingerprint), \(c.createdAt))
            """)
    }

    func certificate(id: String, now: Timestamp) throws(FolioError) -> CertificateRecord? {
        try fetchOne("SELECT * FROM issuer_certificates WHERE id = \(id)", table: "issuer_certificates") { row throws(FolioError) in
            let info = IssuerCertificate(
                id: try row.text("id"), tenantId: try row.text("tenant_id"), source: try row.text("source"),
                subject: try row.text("subject"), issuer: try row.text("issuer_name"), serial: try row.text("serial"),
                notBefore: try row.timestamp("not_before"), notAfter: try row.timestamp("not_after"),
                fingerprint: try row.text("fingerprint_sha256"), createdAt: try row.timestamp("created_at"), checkedAt: now)
            return CertificateRecord(info: info, der: try row.blob("certificate_der"), sealedKey: try row.blob("sealed_private_key"))
        }
    }

    /// Enables `code` for the issuer; enabling it again keeps the first time.
    func enableDocumentType(issuerId: String, code: String, at: Timestamp) throws(FolioError) {
        try upsert(Upsert(table: "issuer_document_types",
                          values: [("issuer_id", issuerId.sqlValue), ("document_type", code.sqlValue), ("enabled_at", at.sqlValue)],
                          conflict: ["issuer_id", "document_type"]))
    }

    func disableDocumentType(issuerId: String, code: String) throws(FolioError) {
        try run("DELETE FROM issuer_document_types WHERE issuer_id = \(issuerId) AND document_type = \(code)")
    }

    /// Enabled types and when each was enabled, by code.
    func documentTypes(issuerId: String) throws(FolioError) -> [String: Timestamp] {
        var result: [String: Timestamp] = [:]
        try forEachRow("SELECT document_type, enabled_at FROM issuer_document_types WHERE issuer_id = \(issuerId)",
                       table: "issuer_document_types") { row throws(FolioError) in
            result[try row.text("document_type")] = try row.timestamp("enabled_at")
        }
        return result
    }
}

extension Issuer {
    init(row: SQLRow) throws(FolioError) {
        self.init(id: try row.text("id"), tenantId: try row.text("tenant_id"), name: try row.text("name"),
                  ruc: try row.text("ruc"), legalName: try row.text("legal_name"), tradeName: try row.optionalText("trade_name"),
                  address: try row.text("address"), establishmentAddress: try row.optionalText("establishment_address"),
                  establishment: try row.text("establishment"), emissionPoint: try row.text("emission_point"),
                  keepsAccounts: try row.boolean("keeps_accounts"), specialTaxpayer: try row.optionalText("special_taxpayer"),
                  certificateId: try row.optionalText("certificate_id"),
                  createdAt: try row.timestamp("created_at"), updatedAt: try row.timestamp("updated_at"))
    }
}
