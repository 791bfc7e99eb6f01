import FolioCrypto
import FolioSupport

/// One input of a batch, with the line it came from (1-based).
public struct BatchInput<Input> {
    public var line: Int
    public var value: Input
    public init(line: Int, value: Input) {
        self.line = line
        self.value = value
    }
}

/// What became of one line of a batch.
public struct BatchItemOutcome<Result> {
    public var line: Int
    public var outcome: Swift.Result<MutationOutcome<Result>, FolioError>
}

/// What a batch did in all.
public struct BatchSummary: Sendable {
    /// Lines whose change was made (or, in a dry run, would be).
    public var succeeded = 0
    public var failed = 0
    /// Lines not done because the work was asked to stop (those of the group that was open
    /// then are rolled back with it).
    public var notAttempted = 0
    /// Whether the work stopped on request.
    public var interrupted = false
}

extension Store {
    /// Runs one mutation per input, `groupSize` inputs per write transaction (group commit): each
    /// input is a savepoint of its group, so a failing one is rolled back alone — its audit entry,
    /// event and sequential with it — and the others go on. A group's outcomes go to `deliver`
    /// only once the group has committed (with the warnings of publishing its files), so nothing
    /// is reported that is not durable. With an idempotency key, line N uses `KEY/line-N`.
    ///
    /// Before a group's transaction begins, each of its lines runs its mutation's slow part
    /// (`Mutation.init(ahead:body:)`), in order, sharing one `GroupForecast`; a line whose
    /// preparation fails fails alone, as it would inside.
    ///
    /// A dry run runs each group in one transaction rolled back at its end: every line sees the
    /// lines before it, as it would for real. The context's `isCancelled` is asked between lines;
    /// once it says yes, the open group is rolled back, nothing of it is delivered, and no
    /// further line is attempted.
    public func performBatch<Input, R>(_ inputs: [BatchInput<Input>], groupSize: Int, context: MutationContext,
                                       mutation: (Input) -> Mutation<R>, record: (R) throws(FolioError) -> [UInt8],
                                       deliver: ([BatchItemOutcome<R>], [String]) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        var start = 0
        while start < inputs.count, !context.isCancelled() {
            let chunk = inputs[start..<min(start + groupSize, inputs.count)]
            // The group's slow work (signing) is done first, line by line in order, with no
            // transaction open: the group then holds the write lock only to check and insert.
            let forecast = GroupForecast()
            var lines: [(line: Int, mutation: Mutation<R>, context: MutationContext, failure: FolioError?)] = []
            var stopped = false
            for input in chunk {
                if context.isCancelled() { stopped = true; break }
                var item = context
                item.dryRun = false   // the group itself is rolled back in a dry run
                item.idempotencyKey = context.dryRun ? nil : context.idempotencyKey.map { "\($0)/line-\(input.line)" }
                item.fingerprint = Hex.encode(Digest.sha256(Array((context.fingerprint + "/line-\(input.line)").utf8)))
                item.group = forecast
                let lineMutation = mutation(input.value)
                var failure: FolioError?
                do throws(FolioError) { try prepareAhead(lineMutation, context: item) } catch { failure = error }
                lines.append((input.line, lineMutation, item, failure))
            }
            if stopped { break }
            var outcomes: [BatchItemOutcome<R>] = []
            let run = { () throws(FolioError) -> Void in
                for line in lines {
                    if context.isCancelled() { throw FolioError.interrupted }
                    if let failure = line.failure {
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .failure(failure)))
                        continue
                    }
                    do throws(FolioError) {
                        var outcome = try self.perform(line.mutation, context: line.context, record: record)
                        if context.dryRun { outcome.kind = .dryRun }
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .success(outcome)))
                    } catch {
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .failure(error)))
                    }
                }
                if context.isCancelled() { throw FolioError.interrupted }
            }
            var warnings: [String] = []
            do throws(FolioError) {
                warnings = try group(rollingBack: context.dryRun, run).warnings
            } catch {
                if error.code == .interrupted { break }
                // The group's commit failed: none of its lines was written.
                outcomes = outcomes.map { BatchItemOutcome(line: $0.line, outcome: .failure(error)) }
            }
            for item in outcomes {
                if case .success = item.outcome { summary.succeeded += 1 } else { summary.failed += 1 }
            }
            deliver(outcomes, warnings)
            start += outcomes.count
        }
        summary.notAttempted = inputs.count - start
        summary.interrupted = context.isCancelled() && start < inputs.count
        return summary
    }
}
