/// The access keys and ids of an export's documents, packed: 49 + 30 bytes a document in one
/// buffer (100,000 documents: 7.9 MB, against about twice that as pairs of strings), sorted
/// through an array of positions.
struct ExportKeys {
    static let keyLength = 49
    static let idLength = 30
    static let stride = keyLength + idLength
    private var bytes: [UInt8] = []
    private var order: [Int32] = []

    var count: Int { order.count }

    mutating func append(accessKey: String, id: String) throws(FolioError) {
        guard accessKey.utf8.count == Self.keyLength, id.utf8.count == Self.idLength else {
            throw .server("document \(id) has an access key or id of an unexpected length")
        }
        order.append(Int32(order.count))
        bytes.append(contentsOf: accessKey.utf8)
        bytes.append(contentsOf: id.utf8)
    }

    /// By access key (unique, so the order is total).
    mutating func sort() {
        bytes.withUnsafeBufferPointer { buffer in
            order.sort { a, b in
                let x = Int(a) * Self.stride, y = Int(b) * Self.stride
                for i in 0..<Self.keyLength where buffer[x + i] != buffer[y + i] { return buffer[x + i] < buffer[y + i] }
                return false
            }
        }
    }

    func accessKey(_ i: Int) -> String {
        let start = Int(order[i]) * Self.stride
        return String(decoding: bytes[start..<start + Self.keyLength], as: UTF8.self)
    }

    func id(_ i: Int) -> String {
        let start = Int(order[i]) * Self.stride + Self.keyLength
        return String(decoding: bytes[start..<start + Self.idLength], as: UTF8.self)
    }
}
