import FolioCore

/// Opens the store a command works on. The binary opens the location the global options name;
/// tests may hand in another provider.
public protocol StoreProvider: Sendable {
    /// The store at `location`, read and written, waiting for another process's lock as `lockWait` says.
    func open(location: StoreLocation, environment: [String: String], lockWait: LockWait) throws(FolioError) -> Store
    func initialize(location: StoreLocation, environment: [String: String]) throws(FolioError) -> StoreInitResult
    /// A read-only connection that waits at most `busyTimeoutMilliseconds` for a lock (completion).
    func openReadOnly(location: StoreLocation, busyTimeoutMilliseconds: Int32,
                      environment: [String: String]) throws(FolioError) -> Store
}

/// The stores the global options name (`--store`/`FOLIO_STORE`).
public struct DiskStores: StoreProvider {
    public init() {}

    public func open(location: StoreLocation, environment: [String: String], lockWait: LockWait) throws(FolioError) -> Store {
        try Store.open(location: location, environment: environment, lockWait: lockWait)
    }

    public func initialize(location: StoreLocation, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        try Store.initialize(location: location, environment: environment)
    }

    public func openReadOnly(location: StoreLocation, busyTimeoutMilliseconds: Int32,
                             environment: [String: String]) throws(FolioError) -> Store {
        try Store.openReadOnly(location: location, busyTimeoutMilliseconds: busyTimeoutMilliseconds, environment: environment)
    }
}
