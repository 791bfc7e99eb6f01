import FolioPDF
import FolioXML
import FolioSupport

/// Reads a signed factura (Folio's or anyone's), or the SRI's authorization response that wraps
/// one (`autorizacion` with `comprobante` holding the document as text), into the texts of its
/// RIDE. Amounts stay the document's own decimal texts. A root that is not an SRI document, or
/// a document type without a RIDE layout yet, fails `validation_failed` naming what it is.
public enum RIDEReader {
    public static func ride(from xml: [UInt8], field: String) throws(FolioError) -> RIDE {
        let root = try parse(xml, field: field)
        guard root.name == "autorizacion" else { return try factura(root, authorization: nil, field: field) }
        guard let inner = root.child("comprobante"), !inner.text.isEmpty else {
            throw .validation("an authorization response that holds no comprobante (the signed document)", field: field)
        }
        // An XML declaration must come first: the whitespace around the CDATA section goes.
        let document = try parse(Array(inner.text.utf8.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }), field: field)
        let authorization = (number: root.child("numeroAutorizacion")?.text, date: root.child("fechaAutorizacion")?.text)
        return try factura(document, authorization: authorization, field: field)
    }

    static func parse(_ xml: [UInt8], field: String) throws(FolioError) -> XMLElementSnapshot {
        do throws(XMLError) {
            // The signature is not printed: it is not copied out of libxml2's tree either.
            return try XMLDocument(bytes: xml).rootSnapshot(skippingNamespace: "http://www.w3.org/2000/09/xmldsig#")
        } catch {
            throw .validation("not an SRI electronic document: not well-formed XML (\(error.description))", field: field)
        }
    }

    /// The SRI's root elements, by document type.
    static let roots: [String: SRIDocumentType] = [
        "factura": .factura, "liquidacionCompra": .liquidacionCompra, "notaCredito": .notaCredito,
        "notaDebito": .notaDebito, "guiaRemision": .guiaRemision, "comprobanteRetencion": .comprobanteRetencion,
    ]

    static func factura(_ root: XMLElementSnapshot, authorization: (number: String?, date: String?)?,
                        field: String) throws(FolioError) -> RIDE {
        guard root.namespaceURI.isEmpty, let type = roots[root.name] else {
            let name = root.namespaceURI.isEmpty ? root.name : "\(root.name) (namespace \(root.namespaceURI))"
            throw .validation("not an SRI electronic document: its root element is <\(name)>, not <factura>, "
                                + "<notaCredito>, <notaDebito>, <guiaRemision>, <comprobanteRetencion> or <liquidacionCompra>",
                              field: field)
        }
        guard type == .factura else {
            throw .validation("a \(type.spanishName) (<\(root.name)>, document type \(type.code)); "
                                + "only the RIDE of a factura (01) can be printed yet", field: field)
        }
        let reader = Required(field: field)
        let tributaria = try reader.element(root, "infoTributaria")
        let info = try reader.element(root, "infoFactura")
        let environment = try reader.text(tributaria, "ambiente")
        let issuer = RIDE.Issuer(
            legalName: try reader.text(tributaria, "razonSocial"), tradeName: optional(tributaria, "nombreComercial"),
            ruc: try reader.text(tributaria, "ruc"), headOfficeAddress: try reader.text(tributaria, "dirMatriz"),
            establishmentAddress: optional(info, "dirEstablecimiento"), specialTaxpayer: optional(info, "contribuyenteEspecial"),
            keepsAccounts: optional(info, "obligadoContabilidad"))
        let number = "\(try reader.text(tributaria, "estab"))-\(try reader.text(tributaria, "ptoEmi"))-"
            + (try reader.text(tributaria, "secuencial"))
        let buyer = RIDE.Buyer(name: try reader.text(info, "razonSocialComprador"),
                               identification: try reader.text(info, "identificacionComprador"),
                               address: optional(info, "direccionComprador"), issueDate: try reader.text(info, "fechaEmision"))
        var items: [RIDE.Item] = []
        for line in root.child("detalles")?.children("detalle") ?? [] {
            let details = line.child("detallesAdicionales")?.children("detAdicional").map {
                RIDE.Field($0.attribute("nombre") ?? "", $0.attribute("valor") ?? "")
            } ?? []
            items.append(RIDE.Item(
                code: optional(line, "codigoPrincipal") ?? "", auxiliaryCode: optional(line, "codigoAuxiliar"),
                description: try reader.text(line, "descripcion"), quantity: try reader.text(line, "cantidad"),
                unitPrice: try reader.text(line, "precioUnitario"), discount: optional(line, "descuento") ?? "0.00",
                total: try reader.text(line, "precioTotalSinImpuesto"), details: details))
        }
        let payments = info.child("pagos")?.children("pago").map { (pago: XMLElementSnapshot) -> RIDE.Payment in
            let code = pago.child("formaPago")?.text ?? ""
            let name = PaymentMethod(rawValue: code)?.spanishName.uppercased() ?? ""
            let term = optional(pago, "plazo").map { (plazo: String) -> String in
                [plazo, optional(pago, "unidadTiempo")].compactMap { $0 }.joined(separator: " ")
            }
            return RIDE.Payment(method: name.isEmpty ? code : "\(code) - \(name)", amount: pago.child("total")?.text ?? "",
                                term: term)
        } ?? []
        let fields = root.child("infoAdicional")?.children("campoAdicional").map {
            RIDE.Field($0.attribute("nombre") ?? "", $0.text)
        } ?? []
        return RIDE(
            title: "FACTURA", number: number, environment: environment == "2" ? "PRODUCCIÓN" : "PRUEBAS",
            emission: optional(tributaria, "tipoEmision") == "1" ? "NORMAL" : (optional(tributaria, "tipoEmision") ?? ""),
            accessKey: try reader.text(tributaria, "claveAcceso"), authorizationNumber: authorization?.number,
            authorizationDate: authorization?.date, issuer: issuer, buyer: buyer, items: items,
            totals: try totals(info, reader: reader), payments: payments, additionalFields: fields)
    }

    /// The totals block: a subtotal per IVA rate present (no objeto and exento always), the sum
    /// without taxes, the discount, the IVA of each taxed rate, the tip and the total.
    static func totals(_ info: XMLElementSnapshot, reader: Required) throws(FolioError) -> [RIDE.Amount] {
        let groups = info.child("totalConImpuestos")?.children("totalImpuesto")
            .filter { $0.child("codigo")?.text == IVARate.taxCode } ?? []
        func group(_ rate: IVARate) -> XMLElementSnapshot? { groups.first { $0.child("codigoPorcentaje")?.text == rate.code } }
        var rows: [RIDE.Amount] = []
        let taxed = IVARate.allCases.filter { $0 != .notSubject && $0 != .exempt }
        for rate in taxed { if let g = group(rate) { rows.append(RIDE.Amount("SUBTOTAL \(rate.percent)%", optional(g, "baseImponible") ?? "0.00")) } }
        rows.append(RIDE.Amount("SUBTOTAL NO OBJETO DE IVA", group(.notSubject).flatMap { optional($0, "baseImponible") } ?? "0.00"))
        rows.append(RIDE.Amount("SUBTOTAL EXENTO DE IVA", group(.exempt).flatMap { optional($0, "baseImponible") } ?? "0.00"))
        rows.append(RIDE.Amount("SUBTOTAL SIN IMPUESTOS", try reader.text(info, "totalSinImpuestos")))
        rows.append(RIDE.Amount("TOTAL DESCUENTO", try reader.text(info, "totalDescuento")))
        for rate in taxed where rate.percent > 0 {
            if let g = group(rate) { rows.append(RIDE.Amount("IVA \(rate.percent)%", optional(g, "valor") ?? "0.00")) }
        }
        rows.append(RIDE.Amount("PROPINA", optional(info, "propina") ?? "0.00"))
        rows.append(RIDE.Amount("VALOR TOTAL", try reader.text(info, "importeTotal"), emphasized: true))
        return rows
    }

    static func optional(_ parent: XMLElementSnapshot, _ name: String) -> String? {
        guard let text = parent.child(name)?.text, !text.isEmpty else { return nil }
        return text
    }

    /// Reads elements the schema requires, failing with the path of the first one missing.
    struct Required {
        let field: String
        func element(_ parent: XMLElementSnapshot, _ name: String) throws(FolioError) -> XMLElementSnapshot {
            guard let child = parent.child(name) else { throw missing(parent, name) }
            return child
        }
        func text(_ parent: XMLElementSnapshot, _ name: String) throws(FolioError) -> String {
            guard let text = parent.child(name)?.text, !text.isEmpty else { throw missing(parent, name) }
            return text
        }
        func missing(_ parent: XMLElementSnapshot, _ name: String) -> FolioError {
            .validation("the factura has no \(parent.name)/\(name), which the SRI's schema requires", field: field)
        }
    }
}
