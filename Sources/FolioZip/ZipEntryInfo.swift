/// One entry as the central directory describes it, with ZIP64 values resolved.
public struct ZipEntryInfo: Sendable, Equatable {
    /// Its position in the central directory, from 0.
    public var index: Int
    public var name: String
    public var modified: ZipDate
    /// The compression method's number: 0 stored, 8 deflated; others cannot be read.
    public var methodNumber: UInt16
    public var crc32: UInt32
    public var compressedSize: UInt64
    public var uncompressedSize: UInt64
    /// Where its local header starts.
    public var localHeaderOffset: UInt64

    public var method: ZipMethod? { ZipMethod(rawValue: methodNumber) }

    // The raw fields the verifier compares with the local header and ZipWriter's fixed values.
    var nameBytes: [UInt8]
    var versionMadeBy: UInt16
    var versionNeeded: UInt16
    var flags: UInt16
    var internalAttributes: UInt16
    var externalAttributes: UInt32
    var diskStart: UInt16
    var commentLength: Int
    /// The extra field's blocks other than ZIP64 (tags), and the ZIP64 block's length.
    var otherExtraTags: [UInt16]
    var zip64ExtraLength: Int?
    /// Which fields were 0xFFFFFFFF in the record (so came from the ZIP64 extra field).
    var zip64Fields: Int
    /// Where the central directory record starts.
    var recordOffset: UInt64
}
