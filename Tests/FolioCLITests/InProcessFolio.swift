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
    /// (stdin not, when `stdinIsTerminal` says so: input piped to a command shown on a terminal);
    /// `at` runs it at that instant instead of on the stepping clock.
    func run(_ arguments: [String], stdin: String = "", terminal: Bool = false, stdinIsTerminal: Bool? = nil,
             width: Int? = nil, environment extra: [String: String] = [:], at instant: Timestamp? = nil) -> Result {
        let (streams, captured) = IOStreams.buffered(stdin: Array(stdin.utf8), stdinIsTerminal: stdinIsTerminal ?? terminal,
                                                     stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
                                                     terminalWidth: width)
        let status = FolioApp.run(arguments: arguments, environment: environment.merging(extra) { $1 }, io: streams,
                                  clock: instant.map { FixedClock($0) as any Clock } ?? clock)
        return Result(status: status, stdout: captured.stdoutText, stderr: captured.stderrText,
                      transcript: captured.transcriptText)
    }
}

extension InProcessFolio {
    /// A command running on a thread of its own, for tests that act while it runs: release a
    /// lock it waits for, or ask it to stop as Ctrl-C would (`interruption`).
    final class Running: @unchecked Sendable {
        let captured: CapturedOutput
        let interruption = Interruption()
        private let done = DispatchSemaphore(value: 0)
        private var status: Int32 = -1
        private var ended = false

        init(captured: CapturedOutput) { self.captured = captured }

        func end(_ status: Int32) {
            self.status = status
            done.signal()
        }

        /// Waits until stderr holds `text` (true), or until the command ends or `seconds` pass
        /// without it (false). A generous deadline: it only stops a test that would hang.
        func waitForStderr(_ text: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if captured.stderrText.contains(text) { return true }
                if done.wait(timeout: .now() + .milliseconds(10)) == .success {
                    done.signal()   // for `finish`
                    return captured.stderrText.contains(text)
                }
            }
            return false
        }

        /// Waits for the command to end; what it did.
        func finish() -> Result {
            if !ended {
                done.wait()
                ended = true
            }
            return Result(status: status, stdout: captured.stdoutText, stderr: captured.stderrText,
                          transcript: captured.transcriptText)
        }
    }

    /// Starts `folio ARGS` on another thread, streams as `run` makes them.
    func start(_ arguments: [String], stdin: String = "", terminal: Bool = false, stdinIsTerminal: Bool? = nil,
               width: Int? = nil, environment extra: [String: String] = [:]) -> Running {
        let (streams, captured) = IOStreams.buffered(stdin: Array(stdin.utf8), stdinIsTerminal: stdinIsTerminal ?? terminal,
                                                     stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
                                                     terminalWidth: width)
        let running = Running(captured: captured)
        let environment = environment.merging(extra) { $1 }
        let clock = clock
        Thread {
            running.end(FolioApp.run(arguments: arguments, environment: environment, io: streams, clock: clock,
                                     interruption: running.interruption))
        }.start()
        return running
    }
}
