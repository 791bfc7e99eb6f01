/// An extra field split into its blocks (APPNOTE 4.5): the ZIP64 block's values, and the tags
/// of the others (which ZipWriter never writes).
struct ZipExtraField {
    var zip64: [UInt8]?
    var otherTags: [UInt16] = []

    static func parse(_ bytes: [UInt8], entry: String, place: String) throws(ZipError) -> ZipExtraField {
        var result = ZipExtraField()
        var f = ZipFields(bytes)
        while f.remaining > 0 {
            guard f.remaining >= 4 else {
                throw ZipError(entry: entry, "the extra field of \(place) ends with \(f.remaining) stray bytes")
            }
            let tag = f.u16(), size = Int(f.u16())
            guard size <= f.remaining else {
                throw ZipError(entry: entry, "the extra field block 0x\(String(tag, radix: 16)) of \(place) claims \(size) bytes but only \(f.remaining) remain")
            }
            let data = f.take(size)
            if tag == ZipFormat.zip64ExtraTag {
                guard result.zip64 == nil else { throw ZipError(entry: entry, "\(place) has two ZIP64 extra fields") }
                result.zip64 = data
            } else {
                result.otherTags.append(tag)
            }
        }
        return result
    }
}
