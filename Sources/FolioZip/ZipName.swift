/// The entry names ZipWriter accepts and ZipReader's `verifyStructure` insists on: relative
/// UTF-8 paths with `/` separators that extract inside the target directory on every system.
enum ZipName {
    /// What is wrong with `name`, or nil when it is acceptable.
    static func problem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "the name is empty" }
        if bytes.count > 0xFFFF { return "the name is \(bytes.count) bytes long; ZIP allows 65,535" }
        if bytes.first == UInt8(ascii: "/") { return "the name is absolute (it starts with /)" }
        if bytes.contains(UInt8(ascii: "\\")) {
            return "the name contains a backslash, which Windows readers take for a separator"
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "the name contains a control character" }
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if component.isEmpty { return "the name has an empty path component (// or a trailing /)" }
            if component.elementsEqual([UInt8(ascii: ".")]) || component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                return "the name has a . or .. component"
            }
        }
        return nil
    }
}
