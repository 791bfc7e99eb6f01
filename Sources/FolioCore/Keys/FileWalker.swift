#if canImport(Glibc)
import Glibc
#endif

/// Walks files below paths for `keys scan`: sorted, `.git` directories skipped, symbolic links
/// not followed (no loops, nothing outside the tree), binary files (a NUL byte in the first
/// 8 KiB) skipped.
struct FileWalker {
    static let binarySniffLength = 8192

    /// Regular files below `paths` (a path may itself be a file), in a stable order.
    static func files(under paths: [String]) throws(FolioError) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            guard lstat(path, &st) == 0 else {
                throw .notFound("cannot scan \(path): no such file or directory", hint: nil)
            }
            if st.st_mode & S_IFMT == S_IFDIR { walk(path, into: &out) } else if st.st_mode & S_IFMT == S_IFREG { out.append(path) }
        }
        return out
    }

    private static func walk(_ directory: String, into out: inout [String]) {
        guard let dir = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name == ".git" { continue }
            names.append(name)
        }
        closedir(dir)
        for name in names.sorted() {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &out)
            case S_IFREG: out.append(path)
            default: continue
            }
        }
    }

    /// Whether `bytes` look binary: a NUL in the first 8 KiB, as git and grep decide.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(binarySniffLength).contains(0)
    }
}
