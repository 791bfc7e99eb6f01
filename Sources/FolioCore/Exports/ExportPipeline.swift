#if canImport(Glibc)
import Glibc
#endif
import FolioZip

/// Adds entries to a `ZipWriter` on a second thread, so that deflating one document overlaps
/// reading, hashing and indexing the next (deflate is most of an export's time; the machines
/// have two cores). The queue between the two holds at most `capacity` batches of `batchSize` entries, so memory stays
/// flat. Only the writer thread touches the `ZipWriter` until `close` returns.
final class ZipPipeline: @unchecked Sendable {
    struct Entry {
        var name: String
        var modified: ZipDate
        var data: [UInt8]
    }

    private let writer: ZipWriter
    private let capacity = 4
    /// Entries handed over together: one wake-up of the other thread per batch, not per entry.
    private let batchSize = 32
    private var batch: [Entry] = []
    /// Slots the two threads hand entries over in (a raw buffer: each slot is touched by one
    /// thread at a time, as the semaphores order it).
    private let ring: UnsafeMutablePointer<[Entry]?>
    private var head = 0
    private var tail = 0
    /// Free slots and filled slots (allocated: a semaphore must not move).
    private let free = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    private let filled = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    private var thread = pthread_t()
    private var running = false
    /// The writer thread's first failure (later entries are skipped); read only after `close`.
    private(set) var failure: ZipError?

    init(writer: ZipWriter) {
        self.writer = writer
        ring = .allocate(capacity: capacity)
        ring.initialize(repeating: nil, count: capacity)
        sem_init(free, 0, UInt32(capacity))
        sem_init(filled, 0, 0)
        let box = Unmanaged.passRetained(self).toOpaque()
        running = pthread_create(&thread, nil, { argument in
            let pipeline = Unmanaged<ZipPipeline>.fromOpaque(argument!).takeRetainedValue()
            pipeline.drain()
            return nil
        }, box) == 0
        if !running { Unmanaged<ZipPipeline>.fromOpaque(box).release() }
    }

    deinit {
        ring.deinitialize(count: capacity)
        ring.deallocate()
        sem_destroy(free)
        sem_destroy(filled)
        free.deallocate()
        filled.deallocate()
    }

    /// Queues an entry, waiting while the queue is full. Without a thread (it could not be
    /// made), adds it at once.
    func add(_ entry: Entry) {
        guard running else {
            if failure == nil { do throws(ZipError) { try writer.add(name: entry.name, modified: entry.modified, data: entry.data) } catch { failure = error } }
            return
        }
        batch.append(entry)
        if batch.count == batchSize { handOver() }
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        while sem_wait(free) != 0 {}
        ring[tail] = batch
        tail = (tail + 1) % capacity
        sem_post(filled)
        batch = []
        batch.reserveCapacity(batchSize)
    }

    /// Waits until every queued entry is written and the thread ended.
    func close() {
        guard running else { return }
        handOver()
        while sem_wait(free) != 0 {}
        ring[tail] = nil   // the end
        tail = (tail + 1) % capacity
        sem_post(filled)
        pthread_join(thread, nil)
        running = false
    }

    private func drain() {
        while true {
            while sem_wait(filled) != 0 {}
            let entries = ring[head]
            ring[head] = nil
            head = (head + 1) % capacity
            sem_post(free)
            guard let entries else { return }
            for entry in entries where failure == nil {
                do throws(ZipError) { try writer.add(name: entry.name, modified: entry.modified, data: entry.data) } catch {
                    failure = error
                }
            }
        }
    }
}
