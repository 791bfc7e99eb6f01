import FolioCore

/// Opens the store a command works on. The binary opens the directory the global options name;
/// tests may hand in another provider.
public protocol StoreProvider: Sendable {
    func open(directory: String, environment: [String: String]) throws(FolioError) -> Store
    func initialize(directory: String, environment: [String: String]) throws(FolioError) -> StoreInitResult
    /// A read-only connection that waits at most `busyTimeoutMilliseconds` for a lock (completion).
    func openReadOnly(directory: String, busyTimeoutMilliseconds: Int32, environment: [String: String]) throws(FolioError) -> Store
}

/// The store on disk, as `--store`/`FOLIO_STORE` name it.
public struct DiskStores: StoreProvider {
    public init() {}

    public func open(directory: String, environment: [String: String]) throws(FolioError) -> Store {
        try Store.open(directory: directory, environment: environment)
    }

    public func initialize(directory: String, environment: [String: String]) throws(FolioError) -> StoreInitResult {
        try Store.initialize(directory: directory, environment: environment)
    }

    public func openReadOnly(directory: String, busyTimeoutMilliseconds: Int32,
                             environment: [String: String]) throws(FolioError) -> Store {
        try Store.openReadOnly(directory: directory, busyTimeoutMilliseconds: busyTimeoutMilliseconds, environment: environment)
    }
}
