import FolioCLI
import FolioSupport
#if canImport(Glibc)
import Glibc
#endif

// Files Folio creates are private to the user (the store holds keys and tokens).
umask(0o077)
signal(SIGPIPE, SIG_IGN)
// A file size limit (ulimit -f) is met like a full disk: the write fails with EFBIG and the
// command reports it and rolls back, instead of the process being killed half-way.
signal(SIGXFSZ, SIG_IGN)

var entry = environ
var count = 0
while entry[count] != nil { count += 1 }
// Sized once: growing a dictionary rehashes every key, which cost ~5,000 instructions per
// variable at start-up.
var environment: [String: String] = Dictionary(minimumCapacity: count)
while let pointer = entry.pointee {
    let pair = String(cString: pointer)
    if let eq = pair.firstIndex(of: "=") {
        environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
    }
    entry += 1
}
Interruption.installHandlers()
exit(FolioApp.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: environment, io: .system(),
                  clock: FolioApp.clock(environment: environment), interruption: .process))
