import FolioCrypto
import FolioXML
import FolioSupport

/// Who signs an invoice, read and checked: the issuer and its tenant (not suspended, type 01
/// enabled), and a certificate valid now with its key.
struct DocumentSigner {
    var issuer: Issuer
    var tenant: Tenant
    var material: SigningMaterial

    /// `ambiente`: 1 sandbox, 2 production.
    var environment: Int { tenant.environment == .production ? 2 : 1 }

    /// The issuer's factura series, as the counter a batch group's forecast counts.
    var counter: String {
        StoreLock.sequentialSeries(issuerId: issuer.id, documentType: SRIDocumentType.factura.code, series: issuer.series).name
    }
}

/// What an invoice is made from: its signer and its validated input. All of it is checked
/// before a sequential is taken.
struct DocumentBasis {
    var signer: DocumentSigner
    var input: InvoiceInput
}

/// An invoice built and signed for one sequential: ahead of the write transaction for the
/// number it expects to get (the signature is the slow part), or inside it for the number it
/// got. The access key and the XML carry the sequential, so a draft made for another number,
/// another issuer's details, another environment or another certificate cannot be stored.
struct DocumentDraft {
    let sequential: Int
    let issuer: InvoiceIssuer
    let environment: Int
    let certificateId: String
    let built: BuiltInvoice
    let signed: [UInt8]

    /// Whether this draft is exactly what would be made now from `basis` with `sequential`
    /// (the input, the time and the profile are the same by construction).
    func fits(_ basis: DocumentBasis, sequential: Int) -> Bool {
        let signer = basis.signer
        return self.sequential == sequential && environment == signer.environment && certificateId == signer.material.info.id
            && issuer == signer.issuer.invoiceIssuer
    }

    /// Builds the factura of `basis` with `sequential` and signs it XAdES-BES at `now`.
    static func make(_ basis: DocumentBasis, sequential: Int, profile: SignatureProfile, cache: SigningKeyCache,
                     now: Timestamp) throws(FolioError) -> DocumentDraft {
        let signer = basis.signer
        let built: BuiltInvoice
        do throws(DocumentInputError) {
            built = try InvoiceBuilder.build(validated: basis.input, issuer: signer.issuer.invoiceIssuer,
                                             environment: signer.environment, sequential: sequential,
                                             numericCode: Documents.numericCode())
        } catch { throw error.folioError }
        let material = signer.material
        let signed: [UInt8]
        do throws(XMLError) {
            let identity: SigningIdentity
            if let cached = cache.identities[material.info.id] { identity = cached } else {
                identity = try SigningIdentity(key: material.key, certificate: material.certificate)
                cache.identities[material.info.id] = identity
            }
            signed = try SlowStep.signature.run { () throws(XMLError) in
                try XAdESSigner.sign(built.canonical, identity: identity, profile: profile, signingTime: now.seconds)
            }
        } catch { throw .server("cannot sign document \(built.accessKey): \(error.message)") }
        return DocumentDraft(sequential: sequential, issuer: signer.issuer.invoiceIssuer, environment: signer.environment,
                             certificateId: material.info.id, built: built, signed: signed)
    }
}
