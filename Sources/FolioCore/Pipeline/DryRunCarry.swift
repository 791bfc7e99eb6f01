/// What the groups of a dry-run batch took before the current one. Each group of a dry run is
/// rolled back at its end, so a later group would be given again the numbers an earlier one
/// showed (line 101 of a dry run would show the number of line 1). The series' counters an
/// earlier group moved are carried over and set again at the start of the next group, inside
/// its transaction, which is rolled back in turn: the store is never changed.
final class DryRunCarry {
    /// The counters as the groups so far left them, by series.
    private var carried: [SequenceKey: Int] = [:]
    /// The counters at the start of the current group, after `restore`.
    private var before: [SequenceKey: Int] = [:]

    private struct SequenceKey: Hashable {
        var issuerId: String
        var documentType: String
        var series: String
    }

    /// At the start of a group: the counters the earlier groups moved, set again.
    func restore(_ tx: StoreTransaction) throws(FolioError) {
        for (key, last) in carried {
            try tx.setSequenceCounter(SequenceCounter(issuerId: key.issuerId, documentType: key.documentType,
                                                      series: key.series, lastValue: last))
        }
        before = try Self.counters(tx)
    }

    /// At the end of a group, before its rollback: the counters it moved, kept.
    func capture(_ tx: StoreTransaction) throws(FolioError) {
        for (key, last) in try Self.counters(tx) where before[key] != last { carried[key] = last }
    }

    private static func counters(_ tx: StoreTransaction) throws(FolioError) -> [SequenceKey: Int] {
        var counters: [SequenceKey: Int] = [:]
        for counter in try tx.sequenceCounters() {
            counters[SequenceKey(issuerId: counter.issuerId, documentType: counter.documentType, series: counter.series)] =
                counter.lastValue
        }
        return counters
    }
}
