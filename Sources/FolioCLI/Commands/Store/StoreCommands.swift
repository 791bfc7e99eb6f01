import CommandLineKit
import FolioCore
import FolioSupport

/// `folio store …`
enum StoreCommands {
    static let group = CommandGroup(
        "store", abstract: "Inspect, check and back up the store.",
        leaves: [StoreInfoCommand.self, StoreCheckCommand.self, StoreBackupCommand.self])
}

/// Key/value output of the store verbs.
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

/// A single object shown as FIELD/VALUE rows in a table, or as one JSON object.
struct FactSheet {
    var id: String
    var members: [JSONMember]

    func render(_ renderer: Renderer) -> [UInt8] {
        if renderer.quiet || renderer.format == .id { return Array((id + "\n").utf8) }
        switch renderer.format {
        case .json: return Array((JSONValue.object(members).prettyText() + "\n").utf8)
        case .jsonl: return Array((JSONValue.object(members).compactText() + "\n").utf8)
        default:
            let facts = members.map { Fact(name: $0.key, value: $0.value) }
            return renderer.format == .csv ? Array(renderer.csv(facts, header: true).utf8)
                                           : Array(renderer.table(facts, header: renderer.terminal).utf8)
        }
    }
}
