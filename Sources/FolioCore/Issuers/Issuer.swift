import FolioSupport

/// A point of issue of a tenant: its RUC, establishment and emission point (the series
/// `001-001`), the texts its documents print, and the certificate that signs them.
public struct Issuer: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    /// A label for people ("Matriz").
    public var name: String
    /// 13 digits ending in 001.
    public var ruc: String
    /// `razonSocial`.
    public var legalName: String
    /// `nombreComercial`.
    public var tradeName: String?
    /// `dirMatriz`: the head office's address.
    public var address: String
    /// `dirEstablecimiento`; the head office's address when nil.
    public var establishmentAddress: String?
    public var establishment: String
    public var emissionPoint: String
    /// `obligadoContabilidad`.
    public var keepsAccounts: Bool
    /// `contribuyenteEspecial` resolution number.
    public var specialTaxpayer: String?
    public var certificateId: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// Filled when read through the service: the signing certificate and enabled types.
    public var certificate: IssuerCertificate?
    public var documentTypes: [String] = []

    /// `001-001`.
    public var series: String { establishment + "-" + emissionPoint }

    /// The issuer as the invoice XML needs it.
    public var invoiceIssuer: InvoiceIssuer {
        InvoiceIssuer(ruc: ruc, legalName: legalName, tradeName: tradeName, headOfficeAddress: address,
                      establishmentAddress: establishmentAddress, establishment: establishment,
                      emissionPoint: emissionPoint, keepsAccounts: keepsAccounts, specialTaxpayer: specialTaxpayer)
    }

    /// The JSON shape every command prints for an issuer. Field names are a public contract.
    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("tenantId", .string(tenantId)),
            JSONMember("name", .string(name)),
            JSONMember("ruc", .string(ruc)),
            JSONMember("legalName", .string(legalName)),
            JSONMember("tradeName", tradeName.map(JSONValue.string) ?? .null),
            JSONMember("address", .string(address)),
            JSONMember("establishmentAddress", establishmentAddress.map(JSONValue.string) ?? .null),
            JSONMember("establishment", .string(establishment)),
            JSONMember("emissionPoint", .string(emissionPoint)),
            JSONMember("series", .string(series)),
            JSONMember("keepsAccounts", .bool(keepsAccounts)),
            JSONMember("specialTaxpayer", specialTaxpayer.map(JSONValue.string) ?? .null),
            JSONMember("documentTypes", .array(documentTypes.map(JSONValue.string))),
            JSONMember("certificate", certificate?.json ?? .null),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
            JSONMember("updatedAt", .string(updatedAt.rfc3339)),
        ])
    }
}

/// A signing certificate as stored: the X.509 certificate's facts (its DER and sealed private
/// key stay in the store layer) and how many days it has left at `checkedAt`.
public struct IssuerCertificate: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    /// `generated` (self-signed by Folio) or `imported` (from a PKCS#12 file).
    public var source: String
    /// RFC 2253.
    public var subject: String
    public var issuer: String
    /// The serial number in decimal (arbitrary precision, as XAdES prints it).
    public var serial: String
    public var notBefore: Timestamp
    public var notAfter: Timestamp
    /// SHA-256 of the DER, upper-case hex pairs joined by colons (as `openssl x509 -fingerprint`).
    public var fingerprint: String
    public var createdAt: Timestamp
    /// The moment `daysLeft` and `expired` refer to.
    public var checkedAt: Timestamp

    /// Whole days until `notAfter` (negative once expired).
    public var daysLeft: Int {
        let delta = notAfter.seconds - checkedAt.seconds
        return Int(delta >= 0 ? delta / 86400 : -((-delta + 86399) / 86400))
    }

    public var expired: Bool { checkedAt >= notAfter }
    public var notYetValid: Bool { checkedAt < notBefore }

    public var json: JSONValue {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("source", .string(source)),
            JSONMember("subject", .string(subject)),
            JSONMember("issuer", .string(issuer)),
            JSONMember("serial", .string(serial)),
            JSONMember("notBefore", .string(notBefore.rfc3339)),
            JSONMember("notAfter", .string(notAfter.rfc3339)),
            JSONMember("daysLeft", .int(daysLeft)),
            JSONMember("expired", .bool(expired)),
            JSONMember("fingerprintSha256", .string(fingerprint)),
            JSONMember("createdAt", .string(createdAt.rfc3339)),
        ])
    }
}

/// One SRI document type and whether an issuer may issue it (`issuers doc-types list`).
public struct IssuerDocumentType: Sendable, Equatable {
    public var issuerId: String
    public var code: String
    public var name: String
    public var enabled: Bool
    public var enabledAt: Timestamp?

    public var json: JSONValue {
        .object([
            JSONMember("issuerId", .string(issuerId)),
            JSONMember("code", .string(code)),
            JSONMember("name", .string(name)),
            JSONMember("enabled", .bool(enabled)),
            JSONMember("enabledAt", enabledAt.map { .string($0.rfc3339) } ?? .null),
        ])
    }
}
