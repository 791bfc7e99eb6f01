/// A failure to write or read a ZIP archive, said precisely: which entry (when one is at fault)
/// and what is wrong with it, e.g. `entry documents/x.xml: CRC-32 is 1a2b3c4d but the data
/// gives 3c4d5e6f`.
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The entry's name, when the problem belongs to one entry.
    public var entry: String?
    /// What is wrong, without the entry's name.
    public var message: String

    public init(entry: String? = nil, _ message: String) {
        self.entry = entry
        self.message = message
    }

    public var description: String {
        if let entry { return "entry \(entry): \(message)" }
        return message
    }
}

/// Hex of a 32-bit value, eight digits, for messages about checksums and signatures.
func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}
