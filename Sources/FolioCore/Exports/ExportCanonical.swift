#if canImport(Glibc)
import Glibc
#endif
import FolioCrypto
import FolioSupport
import FolioZip

/// An export archive is exactly what Folio's writer makes of its entries (names, dates,
/// bytes): writing them again must give the same SHA-256. That catches a changed byte the
/// entries' CRCs and the manifest cannot see (a header's attributes, a comment, padding).
enum ExportCanonical {
    static func check(_ reader: ZipReader, source: String, sha256: String) throws(FolioError) {
        let directory: String
        do throws(FileSystemError) { directory = try FileSystem.makeUniqueDirectory(prefix: temporaryDirectory() + "/folio-verify-") } catch {
            throw .server("cannot make a temporary directory to verify the archive: \(error.reason)")
        }
        let path = directory + "/again.zip"
        defer {
            FileSystem.remove(path)
            _ = FileSystem.removeDirectory(directory)
        }
        do throws(ZipError) {
            let writer = try ZipWriter(path: path)
            for entry in reader.entries { try writer.add(name: entry.name, modified: entry.modified, data: try reader.read(entry)) }
            _ = try writer.finish()
        } catch {
            throw Exports.invalid(source, error.description)
        }
        guard let again = SHA256Stream.file(path).map(Hex.encode) else { throw .server("cannot read back \(path)") }
        guard again == sha256 else {
            throw Exports.invalid(source, "its bytes are not those Folio writes for its entries (a header or padding was changed)")
        }
    }

    static func temporaryDirectory() -> String {
        if let pointer = getenv("TMPDIR"), let value = String(validatingCString: pointer), !value.isEmpty { return value }
        return "/tmp"
    }
}

/// The signatures that tell a damaged ZIP from a file that never was one.
enum ExportSignatures {
    /// Whether the file starts as a ZIP does, or ends with an end-of-central-directory record.
    static func looksLikeZip(_ path: String) -> Bool {
        guard let fd = try? FileSystem.openForReading(path) else { return false }
        defer { FileDescriptor.close(fd) }
        let head = FileDescriptor.read(fd, upTo: 4)
        if head == [0x50, 0x4B, 0x03, 0x04] { return true }
        guard let size = FileSystem.size(path) else { return false }
        let tail = min(size, 65_557)
        lseek(fd, off_t(size - tail), SEEK_SET)
        let bytes = FileDescriptor.readAll(fd, limit: Int(tail))
        guard bytes.count >= 4 else { return false }
        for i in stride(from: bytes.count - 4, through: 0, by: -1)
        where bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 { return true }
        return false
    }
}
