import FolioCrypto
import FolioSupport

/// Makes a new store so that it is there whole or not at all (`Store.initialize`). Everything
/// is built in a staging directory first — `.NAME.init-XXXXXX` beside a data directory that does
/// not exist yet, `.folio-init-XXXXXX` inside one that does — with the database complete
/// (schema and key check value) before anything appears where the store will be:
///
/// - a new data directory appears with one `rename` of the staging directory;
/// - into an existing directory (tightened to 0700 first), `outbox/`, `exports/` and a new
///   `master.key` are moved, and the database last, by `link` (which, unlike `rename`, never
///   replaces what another process put there). The database's existence is what makes a
///   store, so until it is in place there is none.
///
/// A step that fails undoes the steps before it (files and directories made, the directory's
/// mode): nothing is left behind. A crash can leave only the staging directory, which holds no
/// store and which nothing reads.
struct StoreCreation {
    /// A step to undo when a later one fails.
    private enum Made {
        case file(String)
        case directory(String)
        case mode(String, UInt32)
        /// The staging directory renamed to be the data directory: renamed back.
        case renamed(from: String, to: String)
    }

    let location: StoreLocation
    let environment: [String: String]
    private var made: [Made] = []

    init(location: StoreLocation, environment: [String: String]) {
        self.location = location
        self.environment = environment
    }

    /// Creates the store; on failure, removes what it had made and rethrows.
    mutating func create() throws(FolioError) -> StoreInitResult {
        do throws(FolioError) {
            return try createSteps()
        } catch {
            undo()
            throw error
        }
    }

    private mutating func createSteps() throws(FolioError) -> StoreInitResult {
        let directory = StoreCreation.trimmed(location.dataDirectory)
        // The key is checked before anything is made: a malformed FOLIO_MASTER_KEY stops here.
        let givenKey = try Store.environmentKey(environment)
        if FileSystem.entryExists(directory) && !FileSystem.isDirectory(directory) {
            throw .storeUnavailable("\(directory) exists and is not a directory", remedy: .chooseAnotherStore)
        }
        let existing = FileSystem.isDirectory(directory)
        let stage: String
        if existing {
            try makePrivate(directory)
            stage = try makeStage(prefix: directory + "/.folio-init-")
        } else {
            let parent = FileSystem.parentDirectory(directory)
            try makeParents(parent)
            stage = try makeStage(prefix: parent + "/." + StoreCreation.lastComponent(directory) + ".init-")
        }
        // The key: FOLIO_MASTER_KEY's, the master.key already in the directory (a database
        // being restored beside its key), or a new one.
        let existingKeyPath = directory + "/master.key"
        let key: [UInt8]
        if let givenKey {
            key = givenKey
        } else if existing, FileSystem.entryExists(existingKeyPath) {
            key = try MasterKeyFiles(path: existingKeyPath).readCurrent()
        } else {
            key = SecureRandom.bytes(AESGCM.keyByteCount)
            try file(stage + "/master.key") { path throws(FileSystemError) in
                try FileSystem.write(key, to: path, mode: 0o600, exclusive: true)
            }
        }
        for folder in ["outbox", "exports"] {
            try directoryStep(stage + "/" + folder) { path throws(FileSystemError) in
                try FileSystem.makeDirectory(path, mode: 0o700)
            }
        }
        let finalDatabase: String
        switch location.database { case .sqlite(let path): finalDatabase = path }
        let inside = finalDatabase == directory + "/folio.db" || finalDatabase == location.dataDirectory + "/folio.db"
        let stagedDatabase = inside ? stage + "/folio.db" : finalDatabase + ".init-" + Hex.encode(SecureRandom.bytes(4))
        let schemaVersion = try buildDatabase(at: stagedDatabase, key: key)

        if existing {
            for folder in ["outbox", "exports"] where !FileSystem.isDirectory(directory + "/" + folder) {
                try move(stage + "/" + folder, to: directory + "/" + folder)
            }
            if FileSystem.exists(stage + "/master.key") { try linkStep(stage + "/master.key", directory + "/master.key") }
            if inside { try linkStep(stagedDatabase, directory + "/folio.db") }
        } else {
            try move(stage, to: directory)
        }
        if !inside { try linkStep(stagedDatabase, finalDatabase) }
        // Best effort: the names made durable against a power loss.
        for synced in [FileSystem.parentDirectory(directory), directory, FileSystem.parentDirectory(finalDatabase)] {
            try? FileSystem.syncDirectory(synced)
        }
        // Done: the staging names are no longer needed (only in an existing directory, or the
        // staged copy of a database kept elsewhere).
        if existing { StoreCreation.removeStage(stage) }
        if !inside { FileSystem.remove(stagedDatabase) }
        made = []
        return StoreInitResult(directory: location.dataDirectory, created: true, schemaVersion: schemaVersion)
    }

    /// The database with its schema and the key's check value, closed (its WAL checkpointed
    /// and removed) before it is moved into place.
    private mutating func buildDatabase(at path: String, key: [UInt8]) throws(FolioError) -> Int {
        for suffix in ["", "-wal", "-shm", "-journal"] { made.append(.file(path + suffix)) }
        let staged = StoreLocation(dataDirectory: FileSystem.parentDirectory(path), database: .sqlite(path: path))
        let store = Store(location: staged, connection: try staged.connect(.create), environment: [:])
        try store.migrate()
        try store.write { tx throws(FolioError) in try tx.setMasterKeyCheck(MasterKeyCheck.value(of: key)) }
        _ = chmodPath(path, 0o600)
        return try store.schemaVersion()
    }

    // MARK: Steps, each recorded for `undo`.

    private mutating func makePrivate(_ directory: String) throws(FolioError) {
        guard let mode = FileSystem.mode(directory) else { return }
        if mode & 0o077 == 0 { return }
        do throws(FileSystemError) { try FileSystem.setMode(directory, 0o700) } catch {
            throw .storeUnavailable("cannot make the store directory \(directory) private (mode 0700): \(error.reason)",
                                    remedy: .chooseAnotherStore)
        }
        made.append(.mode(directory, mode))
    }

    /// The missing directories above the store (mode 0755, as `mkdir -p` makes them).
    private mutating func makeParents(_ parent: String) throws(FolioError) {
        if parent.isEmpty || FileSystem.isDirectory(parent) { return }
        if FileSystem.entryExists(parent) {
            throw .storeUnavailable("\(parent) exists and is not a directory", remedy: .chooseAnotherStore)
        }
        let above = FileSystem.parentDirectory(parent)
        if above != parent { try makeParents(above) }
        try directoryStep(parent) { path throws(FileSystemError) in try FileSystem.makeDirectory(path, mode: 0o755) }
    }

    private mutating func makeStage(prefix: String) throws(FolioError) -> String {
        let stage = try storeFile { () throws(FileSystemError) in try FileSystem.makeUniqueDirectory(prefix: prefix) }
        made.append(.directory(stage))
        return stage
    }

    private mutating func file(_ path: String, _ body: (String) throws(FileSystemError) -> Void) throws(FolioError) {
        made.append(.file(path))
        try storeFile { () throws(FileSystemError) in try body(path) }
    }

    private mutating func directoryStep(_ path: String, _ body: (String) throws(FileSystemError) -> Void) throws(FolioError) {
        try storeFile { () throws(FileSystemError) in try body(path) }
        made.append(.directory(path))
    }

    private mutating func move(_ from: String, to: String) throws(FolioError) {
        try storeFile { () throws(FileSystemError) in try FileSystem.rename(from, to) }
        made.append(.renamed(from: from, to: to))
    }

    private mutating func linkStep(_ from: String, _ to: String) throws(FolioError) {
        try storeFile { () throws(FileSystemError) in try FileSystem.link(from, to) }
        made.append(.file(to))
    }

    /// Undoes the recorded steps, last first.
    private mutating func undo() {
        for step in made.reversed() {
            switch step {
            case .file(let path): FileSystem.remove(path)
            case .directory(let path): FileSystem.removeDirectory(path)
            case .mode(let path, let mode): _ = chmodPath(path, mode)
            case .renamed(let from, let to): try? FileSystem.rename(to, from)
            }
        }
        made = []
    }

    /// Removes a staging directory whose contents were moved out (what is left: the names
    /// that were linked, and folders the directory had already).
    private static func removeStage(_ stage: String) {
        for name in ["master.key", "folio.db", "folio.db-wal", "folio.db-shm"] { FileSystem.remove(stage + "/" + name) }
        for folder in ["outbox", "exports"] { FileSystem.removeDirectory(stage + "/" + folder) }
        FileSystem.removeDirectory(stage)
    }

    /// `path` without trailing slashes (`/srv/folio/` is `/srv/folio`).
    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
