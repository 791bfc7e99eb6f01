import CommandLineKit
import FolioCore
import FolioHTTP
import FolioSupport
#if canImport(Glibc)
import Glibc
#endif

/// `folio webhooks listen`
enum WebhooksListen: LeafCommand {
    // Repeated, unlike the other verbs' --secret-file: a receiver in the middle of a rotation
    // takes the old and the new secret (DESIGN §6), so tests of a rotation need both.
    static let secretFiles: OptionKey<[String]> = .repeated(
        "secret-file", value: "path", kind: .path,
        help: "A file holding a whsec_… secret; give it twice to accept the old and the new one during a rotation.")
    static let host: OptionKey<String> = .string(
        "host", value: "address", default: "127.0.0.1", help: "The loopback address to bind: 127.0.0.1 (or another 127.x.y.z), ::1 or localhost.")
    static let port: OptionKey<String> = .string(
        "port", value: "port", default: "8765", help: "The port to listen on, 0 for a free one (its address is printed on stderr).")
    static let respond: OptionKey<String> = .string(
        "respond", value: "codes", default: "200",
        help: "The status answered to verified requests; a comma-separated sequence (500,200) answers them in turn, the last one repeated.")
    static let count: OptionKey<String?> = .string("count", value: "n", help: "Exit 0 after this many requests.")
    static let acceptInvalid: OptionKey<Bool> = .flag(
        "accept-invalid", help: "Answer unverified requests as verified ones (--respond) instead of 401; they are still printed as unverified.")

    static let spec = Command(
        "listen", abstract: "Receive webhooks on a loopback port: verify, print and answer each request.",
        discussion: "A receiver for integrators' tests and ours. It binds a loopback address only and prints "
            + "\"listening on http://127.0.0.1:PORT/\" on stderr once ready (--port 0 picks a free port). Each request is "
            + "checked like `webhooks verify` (signature against any --secret-file, webhook-timestamp within --tolerance of "
            + "now) and printed on stdout as it arrives, one row or JSON line (time, webhookId, type, verified, reason, "
            + "status, bodyBytes; -o jsonl and -o json add the body, as JSON when it is JSON). A verified request gets the "
            + "next code of --respond (default 200); an unverified one gets 401 unless --accept-invalid. With --count N the "
            + "listener exits 0 after N requests; Ctrl-C stops it (130).",
        options: [secretFiles.option, host.option, port.option, respond.option, count.option, acceptInvalid.option,
                  WebhooksVerify.tolerance.option],
        examples: [Example("folio webhooks listen --port 8765 --secret-file whsec.txt"),
                   Example("folio webhooks listen --port 0 --secret-file old.txt --secret-file new.txt --respond 500,200 --count 2 -o jsonl")])

    struct Options {
        var settings: WebhookListener.Settings
        var host: String
        var port: Int
        var count: Int?
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let field = secretFiles.option.long
        guard !inv[secretFiles].isEmpty else {
            throw .validation("a listener needs the secret to verify with", field: field, hint: "pass --secret-file FILE")
        }
        var secrets: [[UInt8]] = []
        for path in inv[secretFiles] { secrets.append(try WebhooksCommands.secret(path, context, field: field)) }
        let host = try loopbackHost(inv[host])
        guard let port = Int(inv[port]), (0...65_535).contains(port) else {
            throw .validation("the port '\(inv[port])' is not a number from 0 to 65535", field: port.option.long)
        }
        var codes: [Int] = []
        for part in inv[respond].split(separator: ",", omittingEmptySubsequences: false) {
            guard let code = Int(part), (200...599).contains(code) else {
                throw .validation("--respond takes HTTP status codes from 200 to 599, comma-separated: '\(part)' is not one",
                                  field: respond.option.long)
            }
            codes.append(code)
        }
        var limit: Int?
        if let text = inv[count] {
            guard let n = Int(text), n >= 1 else {
                throw .validation("the count '\(text)' is not a whole number of 1 or more", field: count.option.long)
            }
            limit = n
        }
        let settings = WebhookListener.Settings(secrets: secrets, tolerance: inv[WebhooksVerify.tolerance], codes: codes,
                                                acceptInvalid: inv[acceptInvalid], count: limit)
        return Options(settings: settings, host: host, port: port, count: limit)
    }

    /// The host to bind, refused unless it is a loopback address: a receiver that accepts any
    /// signed request must not be reachable from another machine by a typo.
    static func loopbackHost(_ text: String) throws(FolioError) -> String {
        if text == "localhost" { return "127.0.0.1" }
        if text == "::1" || text == "[::1]" { return "::1" }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts[0] == "127", parts.allSatisfy({ UInt8($0) != nil && !$0.isEmpty }) { return text }
        throw .validation("the listener binds a loopback address only (127.0.0.1, another 127.x.y.z, ::1 or localhost), not '\(text)'",
                          field: host.option.long)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let listener = WebhookListener(options.settings, clock: context.clock)
        let server: HTTPServer
        do throws(HTTPError) {
            server = try HTTPServer(host: options.host, port: options.port, maxRequestBody: InputLimit.webhookBody.bytes)
        } catch {
            throw FolioError.validation("cannot listen on \(options.host) port \(options.port): \(error.message)", field: port.option.long)
        }
        server.start(handler: listener.handle)
        let shown = options.host.contains(":") ? "[\(options.host)]" : options.host
        // Always, even with -q: with --port 0 this line is the only way a script learns the port.
        context.console.err("listening on http://\(shown):\(server.port)/\n")
        let renderer = context.renderer
        var printed = 0
        while true {
            for request in listener.take() {
                // -o json has no end to close a document with: it streams lines, like jsonl.
                if renderer.format == .json || renderer.format == .jsonl {
                    context.console.out(request.json.compactBytes() + [UInt8(ascii: "\n")])
                } else {
                    context.console.out(renderer.chunk([request], first: printed == 0))
                }
                printed += 1
            }
            if let count = options.count, printed >= count { break }
            if context.interruption.isRequested { break }
            usleep(10_000)
        }
        // stop() lets the response being written finish, so the last request is answered.
        server.stop()
        if context.interruption.isRequested {
            if !context.globals.quiet { context.console.note("stopped after \(printed) request\(printed == 1 ? "" : "s")") }
            throw ReportedFailure(status: context.interruptedStatus)
        }
    }
}
