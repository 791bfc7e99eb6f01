/// Lays a `RIDE` out on A4 pages and writes the PDF: the issuer and document boxes with the
/// access key's Code 128 barcode, the buyer, the item table (its header repeated on every page
/// the items flow onto), then additional information, payments and totals; "Página i de N" at
/// the foot of each page. Pure function of the RIDE: the same document gives the same bytes.
public struct RIDERenderer {
    public static func render(_ ride: RIDE) -> [UInt8] {
        var renderer = RIDERenderer(ride)
        renderer.header()
        renderer.buyer()
        renderer.items()
        renderer.closing()
        return renderer.finish()
    }

    let ride: RIDE
    var pages: [PDFPage] = []
    var page = PDFPage()
    /// The baseline of the next thing drawn on `page`.
    var y: Double

    static let width = PDFWriter.a4.width, height = PDFWriter.a4.height
    static let margin = 28.35
    static let left = margin, right = width - margin, contentWidth = width - 2 * margin
    /// Nothing but the page footer goes below this.
    static let bottom = margin + 14
    /// Code 128 module: 0.72 pt is exactly 3 pixels at 300 dpi (and 1 at 100), so the bars
    /// rasterize without rounding differences between them.
    static let module = 0.72

    init(_ ride: RIDE) {
        self.ride = ride
        y = Self.height - Self.margin
    }

    /// `text` in lines of WinAnsi bytes that fit `width`.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [[UInt8]] {
        TextWrap.wrap(WinAnsi.encode(text), width: width, size: size, bold: bold)
    }

    var fullNumber: String { "\(ride.title) No. \(ride.number)" }

    /// The issuer box (left) and the document box (right).
    mutating func header() {
        let top = y, gap = 10.0
        let leftWidth = 262.0, rightX = Self.left + leftWidth + gap, rightWidth = Self.right - rightX
        var ly = top - 16, ry = top - 16
        let inner = leftWidth - 12
        let issuer = ride.issuer
        for line in Self.wrap(issuer.legalName, width: inner, size: 11, bold: true) {
            page.draw(line, x: Self.left + 6, y: ly, size: 11, bold: true)
            ly -= 13
        }
        if let trade = issuer.tradeName, trade != issuer.legalName {
            for line in Self.wrap(trade, width: inner, size: 10) {
                page.draw(line, x: Self.left + 6, y: ly, size: 10)
                ly -= 12
            }
        }
        ly -= 4
        field("Dirección Matriz:", issuer.headOfficeAddress, x: Self.left + 6, width: inner, y: &ly)
        if let branch = issuer.establishmentAddress {
            field("Dirección Sucursal:", branch, x: Self.left + 6, width: inner, y: &ly)
        }
        if let special = issuer.specialTaxpayer {
            field("Contribuyente Especial Nro.:", special, x: Self.left + 6, width: inner, y: &ly)
        }
        if let accounts = issuer.keepsAccounts {
            field("OBLIGADO A LLEVAR CONTABILIDAD:", accounts, x: Self.left + 6, width: inner, y: &ly)
        }

        let rx = rightX + 6, rInner = rightWidth - 12
        page.text("R.U.C.: \(issuer.ruc)", x: rx, y: ry, size: 11, bold: true)
        ry -= 16
        page.text(fullNumber, x: rx, y: ry, size: 12, bold: true)
        ry -= 15
        if let number = ride.authorizationNumber {
            page.text("NÚMERO DE AUTORIZACIÓN:", x: rx, y: ry, size: 8, bold: true)
            ry -= 10
            page.text(number, x: rx, y: ry, size: 8)
            ry -= 11
        }
        if let date = ride.authorizationDate {
            field("FECHA Y HORA DE AUTORIZACIÓN:", date, x: rx, width: rInner, y: &ry)
        }
        field("AMBIENTE:", ride.environment, x: rx, width: rInner, y: &ry)
        field("EMISIÓN:", ride.emission, x: rx, width: rInner, y: &ry)
        page.text("CLAVE DE ACCESO:", x: rx, y: ry, size: 8, bold: true)
        ry -= 4
        if let modules = Code128.modules(digits: ride.accessKey) {
            let barHeight = 34.0
            let barWidth = Double(modules.reduce(0, +)) * Self.module
            page.bars(modules, x: rightX + (rightWidth - barWidth) / 2, y: ry - barHeight, module: Self.module, height: barHeight)
            ry -= barHeight + 10
        }
        page.text(ride.accessKey, center: rightX + rightWidth / 2, y: ry, size: 8)
        ry -= 8

        let boxBottom = min(ly, ry) - 2
        page.stroke(x: Self.left, y: boxBottom, width: leftWidth, height: top - boxBottom)
        page.stroke(x: rightX, y: boxBottom, width: rightWidth, height: top - boxBottom)
        y = boxBottom - 8
    }

    /// The buyer box, full width.
    mutating func buyer() {
        let top = y, x = Self.left + 6, inner = Self.contentWidth - 12
        var by = top - 12
        let buyer = ride.buyer
        field("Razón Social / Nombres y Apellidos:", buyer.name, x: x, width: inner, y: &by)
        let dateX = Self.left + 330
        field("Fecha Emisión:", buyer.issueDate, x: dateX, width: Self.right - dateX - 6, y: &by, advance: false)
        field("Identificación:", buyer.identification, x: x, width: dateX - x - 10, y: &by)
        if let address = buyer.address { field("Dirección:", address, x: x, width: inner, y: &by) }
        let boxBottom = by + 4
        page.stroke(x: Self.left, y: boxBottom, width: Self.contentWidth, height: top - boxBottom)
        y = boxBottom - 10
    }

    /// A bold label and its value at 8 pt: on one line when they fit, else the value wrapped
    /// below the label. `advance: false` leaves `y` where it was (a field beside another).
    mutating func field(_ label: String, _ value: String, x: Double, width: Double, y: inout Double,
                        advance: Bool = true) {
        let start = y
        let labelWidth = HelveticaMetrics.width(WinAnsi.encode(label), size: 8, bold: true) + 3
        let valueLines = Self.wrap(value, width: width - labelWidth, size: 8)
        page.text(label, x: x, y: y, size: 8, bold: true)
        if valueLines.count == 1 {
            page.text(value, x: x + labelWidth, y: y, size: 8)
            y -= 11
        } else {
            y -= 10
            for line in Self.wrap(value, width: width, size: 8) {
                page.draw(line, x: x, y: y, size: 8)
                y -= 10
            }
            y -= 1
        }
        if !advance { y = start }
    }

    /// Ends the page and starts another with a short header naming the document.
    mutating func newPage() {
        pages.append(page)
        page = PDFPage()
        y = Self.height - Self.margin - 10
        page.text(fullNumber, x: Self.left, y: y, size: 10, bold: true)
        page.text("R.U.C.: \(ride.issuer.ruc)", right: Self.right, y: y, size: 10, bold: true)
        y -= 12
        page.text("Clave de acceso: \(ride.accessKey)", x: Self.left, y: y, size: 7)
        y -= 14
    }

    /// The pages with their footers, as a PDF.
    mutating func finish() -> [UInt8] {
        pages.append(page)
        let count = pages.count
        for index in pages.indices {
            pages[index].text("Página \(index + 1) de \(count)", center: Self.width / 2, y: Self.margin - 8, size: 7)
        }
        return PDFWriter.document(pages: pages, title: "\(fullNumber) \(ride.issuer.legalName)")
    }
}
