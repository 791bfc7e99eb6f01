import Foundation
import FolioCrypto
import FolioTestSupport
@testable import FolioXML

/// Shared test material: one RSA key and certificate (key generation is slow), SRI-shaped facturas.
enum Fixtures {
    /// The test clock (never the machine's: the suite must pass on any date).
    static let now = TestClock.seconds

    static let key: PrivateKey = try! PrivateKey.generateRSA(bits: 2048)

    /// Valid from yesterday for a year; the subject has a comma and accents to exercise RFC 2253 escaping.
    static let certificate: Certificate = try! Certificate.selfSigned(
        key: key, subject: [("C", "EC"), ("O", "Distribuidora Ñandú, S.A."), ("CN", "Firma Folio Pruebas"),
                            ("serialNumber", "1790012345001")],
        notBefore: now - 86_400, days: 365)

    /// The SRI factura schema, copied into `Tests/Fixtures`.
    static var facturaXSD: String { FixturePaths.facturaXSD }

    /// A minimal factura that validates against factura_V1.1.0.xsd (checked by a test), with
    /// non-ASCII text, an escaped ampersand and an attribute, as real invoices have.
    static let factura = """
    <?xml version="1.0" encoding="UTF-8"?>
    <factura id="comprobante" version="1.1.0">
      <infoTributaria>
        <ambiente>1</ambiente>
        <tipoEmision>1</tipoEmision>
        <razonSocial>Distribuidora Ñandú S.A.</razonSocial>
        <ruc>1790012345001</ruc>
        <claveAcceso>2311202601179001234500110010010000000011234567813</claveAcceso>
        <codDoc>01</codDoc>
        <estab>001</estab>
        <ptoEmi>001</ptoEmi>
        <secuencial>000000001</secuencial>
        <dirMatriz>Av. Amazonas &amp; Colón, Quito</dirMatriz>
      </infoTributaria>
      <infoFactura>
        <fechaEmision>23/11/2026</fechaEmision>
        <obligadoContabilidad>SI</obligadoContabilidad>
        <tipoIdentificacionComprador>05</tipoIdentificacionComprador>
        <razonSocialComprador>José Pérez</razonSocialComprador>
        <identificacionComprador>1712345678</identificacionComprador>
        <totalSinImpuestos>10.00</totalSinImpuestos>
        <totalDescuento>0.00</totalDescuento>
        <totalConImpuestos>
          <totalImpuesto>
            <codigo>2</codigo>
            <codigoPorcentaje>4</codigoPorcentaje>
            <baseImponible>10.00</baseImponible>
            <valor>1.50</valor>
          </totalImpuesto>
        </totalConImpuestos>
        <propina>0.00</propina>
        <importeTotal>11.50</importeTotal>
        <moneda>DOLAR</moneda>
        <pagos>
          <pago>
            <formaPago>01</formaPago>
            <total>11.50</total>
          </pago>
        </pagos>
      </infoFactura>
      <detalles>
        <detalle>
          <codigoPrincipal>P001</codigoPrincipal>
          <descripcion>Café orgánico 500 g</descripcion>
          <cantidad>2.00</cantidad>
          <precioUnitario>5.00</precioUnitario>
          <descuento>0.00</descuento>
          <precioTotalSinImpuesto>10.00</precioTotalSinImpuesto>
          <impuestos>
            <impuesto>
              <codigo>2</codigo>
              <codigoPorcentaje>4</codigoPorcentaje>
              <tarifa>15</tarifa>
              <baseImponible>10.00</baseImponible>
              <valor>1.50</valor>
            </impuesto>
          </impuestos>
        </detalle>
      </detalles>
      <infoAdicional>
        <campoAdicional nombre="Email">jose@example.com</campoAdicional>
      </infoAdicional>
    </factura>
    """

    static var facturaBytes: [UInt8] { Array(factura.utf8) }

    /// The factura with namespace declarations on the root (and a default namespace on one
    /// element), which every signed subtree inherits under inclusive C14N.
    static var namespacedFacturaBytes: [UInt8] {
        Array(factura
            .replacingOccurrences(of: #"<factura id="comprobante" version="1.1.0">"#, with:
                #"<factura xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns2="urn:folio:ns2" version="1.1.0" id="comprobante">"#)
            .replacingOccurrences(of: "<infoAdicional>", with: #"<infoAdicional xmlns:z="urn:folio:z">"#)
            .utf8)
    }

    static func sign(_ profile: SignatureProfile, bytes: [UInt8] = facturaBytes,
                     certificate: Certificate = certificate, at time: Int64 = now) throws -> [UInt8] {
        try XAdESSigner.sign(bytes, key: key, certificate: certificate, profile: profile, signingTime: time)
    }

    /// Replaces the first occurrence of `old` with `new` in signed bytes (a one-character tamper).
    static func tamper(_ bytes: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: old) else { fatalError("'\(old)' not in document") }
        return Array(text.replacingCharacters(in: range, with: new).utf8)
    }

    /// Writes bytes/strings into a fresh temporary directory; returns the file's path.
    static func write(_ bytes: [UInt8], _ name: String, in directory: String) throws -> String {
        let path = "\(directory)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
