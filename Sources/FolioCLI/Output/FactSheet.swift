import FolioCore
import FolioSupport

/// A single object shown as FIELD/VALUE rows in a table, or as one JSON object: the output of
/// commands whose result is a handful of named facts (`store info`, `audit verify`).
struct FactSheet {
    var id: String
    var members: [JSONMember]

    func render(_ renderer: Renderer) -> [UInt8] {
        if renderer.quiet || renderer.format == .id { return Array((id + "\n").utf8) }
        var presented = Presented(list: members.map { Fact(name: $0.key, value: $0.value) }, nextCursor: nil)
        presented.document = .object(members)
        presented.lines = [.object(members)]
        return renderer.render(presented)
    }

    /// One row of the table.
    struct Fact: Presentable {
        var name: String
        var value: JSONValue
        var id: String { name }
        var json: JSONValue { value }
        static var columns: [Column<Fact>] {
            [Column("FIELD") { $0.name }, Column("VALUE") { f in
                switch f.value {
                case .string(let s): return s
                case .number(let n): return n
                case .bool(let b): return String(b)
                default: return f.value.compactText()
                }
            }]
        }
    }
}
