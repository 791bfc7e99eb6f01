import FolioSupport

/// SQL of the master key: its check value in `meta`, and the secrets sealed under it, which a
/// rotation opens and seals again.
extension StoreTransaction {
    func masterKeyCheck() throws(FolioError) -> String? {
        try fetchOne("SELECT value FROM meta WHERE name = \(MasterKeyCheck.metaName)", table: "meta") { row throws(FolioError) in
            try row.text("value")
        }
    }

    func setMasterKeyCheck(_ value: String) throws(FolioError) {
        try upsert(Upsert(table: "meta", values: [("name", .text(MasterKeyCheck.metaName)), ("value", .text(value))],
                          conflict: ["name"], update: ["value"]))
    }

    /// Every certificate's sealed private key (aad: the certificate id).
    func sealedCertificateKeys() throws(FolioError) -> [(id: String, sealed: [UInt8])] {
        try fetchAll("SELECT id, sealed_private_key FROM issuer_certificates ORDER BY id",
                     table: "issuer_certificates") { row throws(FolioError) in
            (try row.text("id"), try row.blob("sealed_private_key"))
        }
    }

    func setSealedCertificateKey(id: String, sealed: [UInt8]) throws(FolioError) {
        try run("UPDATE issuer_certificates SET sealed_private_key = \(sealed) WHERE id = \(id)")
    }

    /// Every idempotency record's sealed result (aad: the idempotency key).
    func sealedIdempotencyRecords() throws(FolioError) -> [(key: String, sealed: [UInt8])] {
        try fetchAll("SELECT key, sealed_stdout FROM idempotency_records ORDER BY key",
                     table: "idempotency_records") { row throws(FolioError) in
            (try row.text("key"), try row.blob("sealed_stdout"))
        }
    }

    func setSealedIdempotencyRecord(key: String, sealed: [UInt8]) throws(FolioError) {
        try run("UPDATE idempotency_records SET sealed_stdout = \(sealed) WHERE key = \(key)")
    }
}
