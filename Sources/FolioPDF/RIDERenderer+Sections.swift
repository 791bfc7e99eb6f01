/// The item table and the closing blocks (additional information, payments, totals).
extension RIDERenderer {
    struct Column {
        let title: String
        let width: Double
        let numeric: Bool
    }

    static let columns: [Column] = {
        let fixed: [Column] = [Column(title: "Código", width: 64, numeric: false),
                               Column(title: "Cantidad", width: 52, numeric: true),
                               Column(title: "P. Unitario", width: 60, numeric: true),
                               Column(title: "Descuento", width: 54, numeric: true),
                               Column(title: "Precio Total", width: 62, numeric: true)]
        let description = Column(title: "Descripción", width: contentWidth - fixed.reduce(0) { $0 + $1.width }, numeric: false)
        return [fixed[0], description] + fixed[1...]
    }()

    static let cellPadding = 3.0, lineHeight = 9.6, itemSize = 8.0

    mutating func tableHeader() {
        let rowHeight = 14.0
        page.fill(x: Self.left, y: y - rowHeight, width: Self.contentWidth, height: rowHeight, gray: 0.88)
        page.stroke(x: Self.left, y: y - rowHeight, width: Self.contentWidth, height: rowHeight)
        var x = Self.left
        for column in Self.columns {
            if column.numeric {
                page.text(column.title, right: x + column.width - Self.cellPadding, y: y - 10, size: 7.5, bold: true)
            } else {
                page.text(column.title, x: x + Self.cellPadding, y: y - 10, size: 7.5, bold: true)
            }
            x += column.width
        }
        y -= rowHeight
    }

    /// One row an item: code and description wrap inside their columns.
    mutating func items() {
        tableHeader()
        for item in ride.items {
            let pad = 2 * Self.cellPadding
            var codeLines = Self.wrap(item.code, width: Self.columns[0].width - pad, size: Self.itemSize)
            if let aux = item.auxiliaryCode {
                codeLines += Self.wrap(aux, width: Self.columns[0].width - pad, size: Self.itemSize)
            }
            var descriptionLines = Self.wrap(item.description, width: Self.columns[1].width - pad, size: Self.itemSize)
            let plain = descriptionLines.count
            for detail in item.details {
                descriptionLines += Self.wrap("\(detail.name): \(detail.value)", width: Self.columns[1].width - pad,
                                                   size: Self.itemSize - 1)
            }
            let height = Double(max(codeLines.count, descriptionLines.count)) * Self.lineHeight + 4
            if y - height < Self.bottom {
                newPage()
                tableHeader()
            }
            let top = y
            var x = Self.left
            let numbers = [item.quantity, item.unitPrice, item.discount, item.total]
            for (index, column) in Self.columns.enumerated() {
                let baseline = top - Self.lineHeight + 1
                switch index {
                case 0, 1:
                    let lines = index == 0 ? codeLines : descriptionLines
                    for (n, line) in lines.enumerated() {
                        // An item's details, below its description, are a size smaller.
                        page.draw(line, x: x + Self.cellPadding, y: baseline - Double(n) * Self.lineHeight,
                                  size: index == 0 || n < plain ? Self.itemSize : Self.itemSize - 1)
                    }
                default:
                    page.text(numbers[index - 2], right: x + column.width - Self.cellPadding, y: baseline, size: Self.itemSize)
                }
                x += column.width
            }
            y -= height
            var edge = Self.left
            for column in Self.columns {
                page.line(from: (edge, top), to: (edge, y), lineWidth: 0.3)
                edge += column.width
            }
            page.line(from: (Self.right, top), to: (Self.right, y), lineWidth: 0.3)
            page.line(from: (Self.left, y), to: (Self.right, y), lineWidth: 0.3)
        }
        y -= 10
    }

    /// Additional information and payments on the left, totals on the right; on a page of
    /// their own when they do not fit under the items.
    mutating func closing() {
        let leftWidth = 300.0, totalsX = Self.left + leftWidth + 10, totalsWidth = Self.right - totalsX
        let fieldLines = ride.additionalFields.map {
            Self.wrap("\($0.name): \($0.value)", width: leftWidth - 12, size: 8)
        }
        let infoHeight = ride.additionalFields.isEmpty ? 0 : 18 + Double(fieldLines.reduce(0) { $0 + $1.count }) * 10 + 4
        let methodLines = ride.payments.map { Self.wrap($0.method, width: 170, size: 7.5) }
        let paymentsHeight = ride.payments.isEmpty ? 0 : 14 + Double(methodLines.reduce(0) { $0 + $1.count }) * 9 + 3
            * Double(ride.payments.count) + 10
        let totalsHeight = Double(ride.totals.count) * 12
        if y - max(infoHeight + paymentsHeight, totalsHeight) < Self.bottom { newPage() }
        let top = y

        // Totals: label and amount per row, boxed.
        var ty = top
        for amount in ride.totals {
            page.text(amount.label, x: totalsX + 4, y: ty - 9, size: 8, bold: amount.emphasized)
            page.text(amount.value, right: Self.right - 4, y: ty - 9, size: 8, bold: amount.emphasized)
            ty -= 12
            page.line(from: (totalsX, ty), to: (Self.right, ty), lineWidth: 0.3)
        }
        if !ride.totals.isEmpty {
            page.stroke(x: totalsX, y: ty, width: totalsWidth, height: top - ty)
            page.line(from: (Self.right - 70, top), to: (Self.right - 70, ty), lineWidth: 0.3)
        }

        var ly = top
        if !ride.additionalFields.isEmpty {
            page.text("Información Adicional", x: Self.left + 6, y: ly - 12, size: 8, bold: true)
            var fy = ly - 24
            for lines in fieldLines {
                for line in lines {
                    page.draw(line, x: Self.left + 6, y: fy, size: 8)
                    fy -= 10
                }
            }
            page.stroke(x: Self.left, y: ly - infoHeight, width: leftWidth, height: infoHeight)
            ly -= infoHeight + 10
        }
        if !ride.payments.isEmpty {
            let amountRight = Self.left + 230, termX = Self.left + 238
            page.fill(x: Self.left, y: ly - 14, width: leftWidth, height: 14, gray: 0.88)
            page.text("Forma de pago", x: Self.left + 4, y: ly - 10, size: 7.5, bold: true)
            page.text("Valor", right: amountRight, y: ly - 10, size: 7.5, bold: true)
            page.text("Plazo", x: termX, y: ly - 10, size: 7.5, bold: true)
            var py = ly - 14
            for (payment, lines) in zip(ride.payments, methodLines) {
                page.text(payment.amount, right: amountRight, y: py - 9, size: 7.5)
                if let term = payment.term { page.text(term, x: termX, y: py - 9, size: 7.5) }
                for line in lines {
                    page.draw(line, x: Self.left + 4, y: py - 9, size: 7.5)
                    py -= 9
                }
                py -= 3
            }
            page.stroke(x: Self.left, y: py, width: leftWidth, height: ly - py)
            ly = py - 10
        }
        y = min(ly, ty)
    }
}
