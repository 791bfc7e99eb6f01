import FolioXML
import FolioSupport

/// Builds the unsigned factura XML (version 1.1.0) in the element order of
/// `factura_V1.1.0.xsd`. Amounts are printed with 2 places, quantities and unit prices with 2 to
/// 6; every text goes through the escaping writer, which writes canonical XML that the signer
/// digests as it is.
public enum FacturaXML {
    public static func build(input: InvoiceInput, totals: InvoiceTotals, issuer: InvoiceIssuer,
                             environment: Int, sequential: Int, accessKey: AccessKey) throws(XMLError) -> CanonicalXML {
        var w = CanonicalXMLWriter(indented: true)
        w.open("factura", [("id", "comprobante"), ("version", "1.1.0")])

        w.open("infoTributaria")
        w.element("ambiente", String(environment))
        w.element("tipoEmision", "1")
        w.element("razonSocial", issuer.legalName)
        w.element("nombreComercial", optional: issuer.tradeName)
        w.element("ruc", issuer.ruc)
        w.element("claveAcceso", accessKey.digits)
        w.element("codDoc", SRIDocumentType.factura.code)
        w.element("estab", issuer.establishment)
        w.element("ptoEmi", issuer.emissionPoint)
        w.element("secuencial", zeroPadded(sequential, 9))
        w.element("dirMatriz", issuer.headOfficeAddress)
        w.close()

        w.open("infoFactura")
        w.element("fechaEmision", input.issueDate.sriText)
        w.element("dirEstablecimiento", issuer.establishmentAddress ?? issuer.headOfficeAddress)
        w.element("contribuyenteEspecial", optional: issuer.specialTaxpayer)
        w.element("obligadoContabilidad", issuer.keepsAccounts ? "SI" : "NO")
        w.element("tipoIdentificacionComprador", input.buyer.identificationType.code)
        w.element("razonSocialComprador", input.buyer.name)
        w.element("identificacionComprador", input.buyer.identification)
        w.element("direccionComprador", optional: input.buyer.address)
        w.element("totalSinImpuestos", totals.subtotal.money)
        w.element("totalDescuento", totals.totalDiscount.money)
        w.open("totalConImpuestos")
        for group in totals.taxes {
            w.open("totalImpuesto")
            w.element("codigo", group.taxCode)
            w.element("codigoPorcentaje", group.rate.code)
            w.element("baseImponible", group.base.money)
            w.element("valor", group.value.money)
            w.close()
        }
        w.close()
        w.element("propina", totals.tip.money)
        w.element("importeTotal", totals.total.money)
        w.element("moneda", input.currency)
        w.open("pagos")
        for payment in input.payments {
            w.open("pago")
            w.element("formaPago", payment.method.code)
            w.element("total", payment.amount.money)
            w.element("plazo", optional: payment.term?.money)
            w.element("unidadTiempo", optional: payment.timeUnit)
            w.close()
        }
        w.close()
        w.close() // infoFactura

        w.open("detalles")
        for (item, line) in zip(input.items, totals.lines) {
            w.open("detalle")
            w.element("codigoPrincipal", item.code)
            w.element("codigoAuxiliar", optional: item.auxiliaryCode)
            w.element("descripcion", item.description)
            w.element("cantidad", quantityText(item.quantity))
            w.element("precioUnitario", quantityText(item.unitPrice))
            w.element("descuento", line.discount.money)
            w.element("precioTotalSinImpuesto", line.subtotal.money)
            if !item.details.isEmpty {
                w.open("detallesAdicionales")
                for d in item.details { w.empty("detAdicional", [("nombre", d.name), ("valor", d.value)]) }
                w.close()
            }
            w.open("impuestos")
            w.open("impuesto")
            w.element("codigo", IVARate.taxCode)
            w.element("codigoPorcentaje", item.ivaRate.code)
            w.element("tarifa", String(item.ivaRate.percent))
            w.element("baseImponible", line.subtotal.money)
            w.element("valor", line.taxValue.money)
            w.close()
            w.close()
            w.close()
        }
        w.close()

        let info = input.infoAdicional
        if !info.isEmpty {
            w.open("infoAdicional")
            for field in info { w.element("campoAdicional", field.value, [("nombre", field.name)]) }
            w.close()
        }
        w.close() // factura
        return try w.finish()
    }

    /// 2 to 6 places: `2` → `2.00`, `1.125` → `1.125` (validated input has at most 6).
    static func quantityText(_ d: ExactDecimal) -> String {
        let n = d.normalized
        return n.scale < 2 ? n.money : n.description
    }
}
