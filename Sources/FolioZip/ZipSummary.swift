/// What `ZipWriter.finish()` wrote.
public struct ZipSummary: Sendable, Equatable {
    /// The number of entries in the archive.
    public var entryCount: Int
    /// The archive's size in bytes.
    public var byteCount: UInt64
    /// Whether the archive needed ZIP64 end records (65,535 entries or more, or a central
    /// directory beyond 4 GiB); entries may carry ZIP64 extra fields either way.
    public var usesZip64: Bool
}
