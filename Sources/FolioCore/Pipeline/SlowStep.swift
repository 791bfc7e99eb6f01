/// The slow steps of a change, those that must not run while a write transaction holds the
/// store's single write lock: every other writer (each `keys verify` counts a key's use) would
/// wait for them. Changes do them ahead (`Mutation.init(ahead:body:)`) and run each through
/// `SlowStep.run`, which tells the observer bound to the current task, if any: that is how
/// tests prove where each step ran. Nothing observes in production (one task-local read).
enum SlowStep: String, Sendable {
    /// An RSA-2048 key and its self-signed certificate: tens to hundreds of milliseconds.
    case keyGeneration = "key-generation"
    /// Decrypting a PKCS#12 file: its MAC and key derivations (thousands of hash rounds each).
    case pkcs12Opening = "pkcs12-opening"
    /// One XAdES signature (an RSA private-key operation, about 1 ms).
    case signature

    /// Told of each slow step as it starts, in the task that bound it (tests only).
    @TaskLocal static var observer: (@Sendable (SlowStep) -> Void)?

    /// Runs `body` as this step, telling the observer first.
    func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        SlowStep.observer?(self)
        return try body()
    }
}
