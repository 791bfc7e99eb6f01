import Foundation
@testable import FolioCLI
import FolioCore
import FolioSupport
import FolioTestSupport

/// Runs folio commands in this process, as gh tests its commands: `FolioApp.run` with buffered
/// streams (terminal or not, at a given width), a test clock and a temporary store — no binary
/// spawned. The end-to-end tests keep proving the binary itself.
struct InProcessFolio {
    /// What one command did.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Stdout and stderr interleaved as they were written (what one terminal would show).
        var transcript: String = ""
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] }
    }

    let store: String
    let clock = SteppingClock()
    var environment: [String: String]

    /// A fresh temporary store, made with `folio init` unless `initialize` is false.
    init(initialize: Bool = true) throws {
        store = ProcessRunner.temporaryDirectory("folio-inprocess") + "/store"
        environment = ["FOLIO_STORE": store, "FOLIO_ACTOR": "in-process", "HOME": store]
        if initialize {
            let made = run(["init"])
            guard made.status == 0 else { throw HarnessError(message: "init failed: \(made.stderr)") }
        }
    }

    /// Runs `folio ARGS`; `terminal` makes stdin, stdout and stderr look like a terminal
    /// (stdin not, when `stdinIsTerminal` says so: input piped to a command shown on a terminal).
    func run(_ arguments: [String], stdin: String = "", terminal: Bool = false, stdinIsTerminal: Bool? = nil,
             width: Int? = nil, environment extra: [String: String] = [:]) -> Result {
        let (streams, captured) = IOStreams.buffered(stdin: Array(stdin.utf8), stdinIsTerminal: stdinIsTerminal ?? terminal,
                                                     stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
                                                     terminalWidth: width)
        let status = FolioApp.run(arguments: arguments, environment: environment.merging(extra) { $1 }, io: streams,
                                  clock: clock)
        return Result(status: status, stdout: captured.stdoutText, stderr: captured.stderrText,
                      transcript: captured.transcriptText)
    }
}
