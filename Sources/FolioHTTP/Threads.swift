#if canImport(Glibc)
import Glibc
#endif

/// A POSIX thread running a closure (no Foundation: FolioHTTP stays off Foundation's Thread).
enum Threads {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread; the thread is joinable when `joinable`, else detached.
    @discardableResult
    static func start(joinable: Bool = false, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, box)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        if !joinable { pthread_detach(thread); return nil }
        return thread
    }
}
