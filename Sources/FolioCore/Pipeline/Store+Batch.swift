import FolioCrypto
import FolioSupport

/// One input of a batch, with the line it came from (1-based).
public struct BatchInput<Input> {
    public var line: Int
    /// The input, or why its line could not be read as one (malformed, too long): then the
    /// line fails with that error and nothing is run for it.
    public var content: Result<Input, FolioError>
    /// Added to the line's idempotency fingerprint: the digest of the line's own text, when
    /// the batch's fingerprint cannot hold the whole input because it is read as it goes.
    public var fingerprint: String
    /// The bytes the input came from, for `performBatch(reading:)`'s bound on a group.
    public var size: Int

    public init(line: Int, value: Input, fingerprint: String = "", size: Int = 0) {
        self.line = line
        self.content = .success(value)
        self.fingerprint = fingerprint
        self.size = size
    }

    public init(line: Int, failure: FolioError) {
        self.line = line
        self.content = .failure(failure)
        self.fingerprint = ""
        self.size = 0
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
    /// then are rolled back with it). Of a batch read as it goes, only the lines read by then.
    public var notAttempted = 0
    /// The first line not done, when the work stopped on request.
    public var firstNotDone: Int?
    /// Whether the work stopped on request.
    public var interrupted = false
    /// Whether the work stopped because the store failed (its lines not done are `notAttempted`).
    public var storeFailed = false
}

extension Store {
    /// `performBatch(reading:…)` over inputs all in memory; `notAttempted` counts every line
    /// not done.
    public func performBatch<Input, R>(_ inputs: [BatchInput<Input>], groupSize: Int, context: MutationContext,
                                       mutation: (Input) -> Mutation<R>, record: (R) throws(FolioError) -> [UInt8],
                                       deliver: ([BatchItemOutcome<R>], [String]) -> Void) -> BatchSummary {
        var summary = performBatch(reading: inputs, groupSize: groupSize, context: context, mutation: mutation,
                                   record: record, deliver: deliver)
        summary.notAttempted = inputs.count - summary.succeeded - summary.failed
        summary.interrupted = summary.interrupted && summary.notAttempted > 0
        return summary
    }

    /// Runs one mutation per input, `groupSize` inputs per write transaction (group commit): each
    /// input is a savepoint of its group, so a failing one is rolled back alone — its audit entry,
    /// event and sequential with it — and the others go on. A group's outcomes go to `deliver`
    /// only once the group has committed (with the warnings of publishing its files), so nothing
    /// is reported that is not durable. With an idempotency key, line N uses `KEY/line-N`.
    ///
    /// The inputs are read as the batch goes, a group at a time and before its transaction opens
    /// (so a slow producer never holds the write lock): a group also ends once its inputs' sizes
    /// reach `groupBytes`, which bounds the memory a batch of large inputs takes. An input that
    /// is a failure already (a line that could not be read) fails without running anything.
    ///
    /// Before a group's transaction begins, each of its lines runs its mutation's slow part
    /// (`Mutation.init(ahead:body:)`), in order, sharing one `GroupForecast`; a line whose
    /// preparation fails fails alone, as it would inside.
    ///
    /// A dry run runs each group in one transaction rolled back at its end: every line sees the
    /// lines before it, as it would for real, and the numbers the earlier groups took are carried
    /// into each later one (`DryRunCarry`; its forecast is one for the whole batch), so every line
    /// shows the number it would really get. The context's `isCancelled` is asked between lines;
    /// once it says yes, the open group is rolled back, nothing of it is delivered, and no
    /// further line is read or attempted.
    public func performBatch<Inputs: Sequence, Input, R>(reading inputs: Inputs, groupSize: Int, groupBytes: Int = .max,
                                                         context: MutationContext, mutation: (Input) -> Mutation<R>,
                                                         record: (R) throws(FolioError) -> [UInt8],
                                                         deliver: ([BatchItemOutcome<R>], [String]) -> Void) -> BatchSummary
        where Inputs.Element == BatchInput<Input> {
        var summary = BatchSummary()
        var iterator = inputs.makeIterator()
        var exhausted = false
        let carry = context.dryRun ? DryRunCarry() : nil
        let batchForecast = GroupForecast()
        while !context.isCancelled() {
            var chunk: [BatchInput<Input>] = []
            var bytes = 0
            while chunk.count < groupSize, bytes < groupBytes {
                guard let input = iterator.next() else { exhausted = true; break }
                chunk.append(input)
                bytes += input.size
            }
            if chunk.isEmpty { break }
            // The group's slow work (signing) is done first, line by line in order, with no
            // transaction open: the group then holds the write lock only to check and insert.
            let forecast = context.dryRun ? batchForecast : GroupForecast()
            var lines: [(line: Int, mutation: Mutation<R>?, context: MutationContext, failure: FolioError?)] = []
            var stopped = false
            for input in chunk {
                if context.isCancelled() { stopped = true; break }
                var item = context
                item.dryRun = false   // the group itself is rolled back in a dry run
                item.idempotencyKey = context.dryRun ? nil : context.idempotencyKey.map { "\($0)/line-\(input.line)" }
                item.fingerprint = Hex.encode(Digest.sha256(Array((context.fingerprint + "/line-\(input.line)" + input.fingerprint).utf8)))
                item.group = forecast
                guard case .success(let value) = input.content else {
                    if case .failure(let error) = input.content { lines.append((input.line, nil, item, error)) }
                    continue
                }
                let lineMutation = mutation(value)
                var failure: FolioError?
                do throws(FolioError) { try prepareAhead(lineMutation, context: item) } catch { failure = error }
                lines.append((input.line, lineMutation, item, failure))
            }
            if stopped {
                summary.notAttempted = chunk.count
                summary.firstNotDone = chunk[0].line
                break
            }
            var outcomes: [BatchItemOutcome<R>] = []
            let run = { () throws(FolioError) -> Void in
                if let carry { try self.write { tx throws(FolioError) in try carry.restore(tx) } }
                for line in lines {
                    if context.isCancelled() { throw FolioError.interrupted }
                    if let failure = line.failure {
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .failure(failure)))
                        continue
                    }
                    guard let lineMutation = line.mutation else { continue }
                    do throws(FolioError) {
                        var outcome = try self.perform(lineMutation, context: line.context, record: record)
                        if context.dryRun { outcome.kind = .dryRun }
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .success(outcome)))
                    } catch {
                        outcomes.append(BatchItemOutcome(line: line.line, outcome: .failure(error)))
                    }
                }
                if let carry { try self.read { tx throws(FolioError) in try carry.capture(tx) } }
                if context.isCancelled() { throw FolioError.interrupted }
            }
            var warnings: [String] = []
            do throws(FolioError) {
                warnings = try group(rollingBack: context.dryRun, run).warnings
            } catch {
                if error.code == .interrupted {
                    summary.notAttempted = chunk.count
                    summary.firstNotDone = chunk[0].line
                    break
                }
                // The group's commit failed: none of its lines was written.
                outcomes = outcomes.map { BatchItemOutcome(line: $0.line, outcome: .failure(error)) }
                if error.code == .storeUnavailable {
                    // The store itself failed (a full disk, a lock held past the timeout): the
                    // next group would fail the same way. Report this one and stop.
                    summary.failed += outcomes.count
                    deliver(outcomes, [])
                    summary.storeFailed = true
                    break
                }
            }
            for item in outcomes {
                if case .success = item.outcome { summary.succeeded += 1 } else { summary.failed += 1 }
            }
            deliver(outcomes, warnings)
        }
        // Asked to stop between groups, the batch does not read on to learn whether a line was
        // left (a pipe may keep it waiting): unless the input had ended, it counts as stopped.
        summary.interrupted = context.isCancelled() && (summary.firstNotDone != nil || !exhausted)
        return summary
    }
}
