#if canImport(Glibc)
import Glibc
#endif

/// A joinable POSIX thread running a closure (FolioCore stays off Foundation's Thread).
final class WorkerThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private var thread: pthread_t?
    /// Set when no thread could be started: `join` runs the body itself.
    private var fallback: (@Sendable () -> Void)?

    init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var handle = pthread_t()
        let rc = pthread_create(&handle, nil, { raw in
            Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, box)
        if rc == 0 {
            thread = handle
        } else {
            Unmanaged<Body>.fromOpaque(box).release()
            fallback = body
        }
    }

    /// Waits for the body to end.
    func join() {
        if let thread { pthread_join(thread, nil) } else { fallback?() }
        thread = nil
        fallback = nil
    }
}
