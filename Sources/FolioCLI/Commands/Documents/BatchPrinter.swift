import FolioCore
import FolioSupport

/// Prints a batch of `documents create` as its groups commit: each document in the output
/// format (JSON collects them into one list), each failed line as an error naming its line,
/// and a progress line on a terminal's stderr, which the console blanks before the next rows.
/// On a terminal, the table is laid out once, from the first group (`TableLayout`): every later
/// group keeps those column widths, its free text cut to them, so that rows printed a group
/// at a time still line up.
final class BatchPrinter {
    private let context: CommandContext
    private let renderer: Renderer
    private let collectsJSON: Bool
    private let progress: Bool
    /// Whether the rows are an aligned table on a terminal.
    private let alignsTable: Bool
    /// The terminal table's layout, fixed by the first group that printed a row.
    private var layout: TableLayout?
    /// How wide the buyer's column may be made, room permitting, for later groups' longer names.
    static let textRoom = 40
    private var collected: [JSONValue] = []
    private var printedRows = false
    private var done = 0
    /// Document warnings said already: each once per batch, not once per document (a batch
    /// of a thousand invoices signed with the same certificate gets one line).
    private var warned: Set<DocumentWarning> = []
    /// The exit status of the first failed line.
    private(set) var firstFailure: Int32?

    init(context: CommandContext) {
        self.context = context
        self.renderer = context.renderer
        collectsJSON = context.globals.output == .json && !context.globals.quiet
        progress = context.console.stderrIsTerminal && !context.globals.quiet
        alignsTable = renderer.terminal && renderer.format == .table && !renderer.quiet
    }

    /// One group's outcomes, in line order: one write per group, flushed before anything goes to
    /// stderr so that a terminal still shows results and errors in line order.
    func print(_ outcomes: [BatchItemOutcome<CreatedDocument>], warnings: [String]) {
        // A group that failed as a whole (its commit) is one error, not one per line.
        if outcomes.count > 1, let first = outcomes.first, let last = outcomes.last,
           case .failure(var error) = first.outcome,
           outcomes.allSatisfy({ if case .failure(let e) = $0.outcome { e.message == error.message } else { false } }) {
            error.message = "lines \(first.line)–\(last.line): " + error.message
            error.details.append(JSONMember("lines", .array([.int(first.line), .int(last.line)])))
            let status = ErrorReporter.report(error, console: context.console, json: context.jsonErrors)
            if firstFailure == nil { firstFailure = status }
            done += outcomes.count
            return
        }
        if alignsTable, layout == nil { layout = firstLayout(outcomes) }
        var pending: [UInt8] = []
        for item in outcomes {
            switch item.outcome {
            case .success(let outcome):
                var notes = outcome.warnings
                if let created = outcome.result {
                    if collectsJSON {
                        collected.append(created.json)
                    } else if alignsTable {
                        pending += aligned(Presented(one: created))
                    } else {
                        pending += renderer.chunk([created], first: !printedRows)
                    }
                    notes += created.warnings.filter { warned.insert($0).inserted }.map(\.text)
                } else if let recorded = outcome.recorded {
                    // A replayed line: its recorded result, in this call's format.
                    if let presented = Presented(recorded: recorded) {
                        if collectsJSON {
                            collected.append(presented.document)
                        } else {
                            pending += alignsTable ? aligned(presented) : renderer.render(presented, first: !printedRows)
                        }
                    } else {
                        pending += recorded
                    }
                }
                printedRows = true
                if !notes.isEmpty {
                    context.console.out(pending)
                    pending = []
                    for warning in notes { context.console.warn(warning) }
                }
            case .failure(var error):
                context.console.out(pending)
                pending = []
                error.message = "line \(item.line): " + error.message
                error.details.append(JSONMember("line", .int(item.line)))
                let status = ErrorReporter.report(error, console: context.console, json: context.jsonErrors)
                if firstFailure == nil { firstFailure = status }
            }
        }
        context.console.out(pending)
        for warning in warnings { context.console.warn(warning) }
        done += outcomes.count
        // The total is not known: the batch is read as it goes.
        if progress { context.console.status("\(done) documents") }
    }

    /// The layout of a terminal table fitted to the rows of the first group that has any.
    private func firstLayout(_ outcomes: [BatchItemOutcome<CreatedDocument>]) -> TableLayout? {
        var rows: [Presented] = []
        for item in outcomes {
            guard case .success(let outcome) = item.outcome else { continue }
            if let document = outcome.result {
                rows.append(Presented(one: document))
            } else if let recorded = outcome.recorded, let presented = Presented(recorded: recorded) {
                rows.append(presented)
            }
        }
        guard var all = rows.first else { return nil }
        all.rows = rows.flatMap(\.rows)
        return renderer.layout(for: all, header: true, textRoom: Self.textRoom)
    }

    /// One result as rows of the terminal table, in the batch's layout (the header before the first).
    private func aligned(_ presented: Presented) -> [UInt8] {
        if layout == nil { layout = renderer.layout(for: presented, header: !printedRows, textRoom: Self.textRoom) }
        return Array(renderer.table(presented, header: !printedRows, layout: &layout!).utf8)
    }

    /// The JSON list (for `-o json`) and the closing note.
    func finish(_ summary: BatchSummary) {
        if progress { context.console.clearStatus() }
        if summary.storeFailed {
            context.console.note("stopped: the lines after the failed group were not attempted")
        }
        if summary.interrupted {
            let rest = summary.firstNotDone.map { "lines from \($0) on not done" } ?? "the lines after those not done"
            context.console.note("interrupted: \(summary.succeeded) document\(summary.succeeded == 1 ? "" : "s") "
                                 + "\(context.globals.dryRun ? "checked" : "created") before the stop; \(rest)")
        }
        if collectsJSON {
            let doc = JSONValue.object([JSONMember("items", .array(collected)), JSONMember("nextCursor", .null),
                                        JSONMember("hasMore", .bool(false))])
            context.console.out(doc.prettyText() + "\n")
        }
        if context.globals.dryRun {
            context.console.note("dry run: nothing was written")
        } else if !context.globals.quiet {
            context.console.note("signed \(summary.succeeded) of \(summary.succeeded + summary.failed) documents")
        }
    }
}
