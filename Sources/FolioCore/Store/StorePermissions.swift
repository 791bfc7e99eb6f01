import FolioSupport

/// ssh's rule for private keys, applied to the store: the data directory and `master.key`
/// grant nothing to group or others. A key others can read is a key others may have copied,
/// and a directory others can write lets them swap `master.key` or the database; so a store
/// that breaks the rule is refused (`store_unavailable`) with the `chmod` that fixes it, never
/// fixed silently (the user should know it was exposed).
enum StorePermissions {
    /// What the directory and the key file should be.
    static let directoryMode: UInt32 = 0o700
    static let keyFileMode: UInt32 = 0o600

    /// Refuses the store when its directory or its `master.key` (when there is one) is open to
    /// group or others.
    static func check(_ location: StoreLocation) throws(FolioError) {
        try check(location.dataDirectory, name: "the store directory \(location.dataDirectory)", mode: directoryMode)
        try check(location.masterKeyPath, name: "master.key", mode: keyFileMode)
    }

    /// Refuses `path` when it exists and grants group or others anything; `name` is how the
    /// message calls it.
    static func check(_ path: String, name: String, mode wanted: UInt32) throws(FolioError) {
        guard let mode = FileSystem.mode(path), mode & 0o077 != 0 else { return }
        throw .storeUnavailable("\(name) is \(describe(mode, directory: wanted == directoryMode)) (mode \(octal(mode)))",
                                hint: "take group's and others' permissions away from \(path)",
                                remedy: .restrictPermissions(path: path, mode: wanted))
    }

    /// What group and others may do, in words: "readable by group and others",
    /// "readable and writable by group, readable by others".
    static func describe(_ mode: UInt32, directory: Bool) -> String {
        func rights(_ bits: UInt32) -> String {
            var words: [String] = []
            if bits & 4 != 0 { words.append("readable") }
            if bits & 2 != 0 { words.append("writable") }
            if bits & 1 != 0 { words.append(directory ? "searchable" : "executable") }
            return words.joined(separator: " and ")
        }
        let group = rights((mode >> 3) & 7), others = rights(mode & 7)
        if group == others { return "\(group) by group and others" }
        return [group.isEmpty ? nil : "\(group) by group", others.isEmpty ? nil : "\(others) by others"]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// `mode` as four octal digits, as `ls` and `chmod` spell it (0644).
    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
