import FolioCore
import FolioHTTP
import Synchronization

/// The webhook sender of the CLI: one POST with FolioHTTP (no redirect followed, the response
/// body read up to 20 KiB), connect and read each limited by the request's timeout. A request
/// with pinned addresses connects only to them (the worker checked them: `WebhookAddressGuard`).
///
/// One sender serves a whole `deliver` run, all its threads: its clients keep idle connections per
/// endpoint, so a run opens about `concurrency` connections to a receiver instead of one per message.
/// The idle ones close when the process exits.
final class HTTPWebhookSender: WebhookSender {
    let caFile: String?
    let maxIdlePerEndpoint: Int
    /// One client per (timeout, pinned addresses): a connection is reused only for a request whose
    /// addresses, checked again at this attempt, include the one it was opened to.
    private let clients = Mutex<[String: HTTPClient]>([:])

    init(caFile: String? = nil, maxIdlePerEndpoint: Int = 4) {
        self.caFile = caFile
        self.maxIdlePerEndpoint = maxIdlePerEndpoint
    }

    func send(_ request: WebhookSendRequest) -> WebhookSendResult {
        let url: HTTPURL
        do throws(HTTPError) { url = try HTTPURL(request.url) } catch {
            return .failure("the endpoint URL is not valid: \(error.message)")
        }
        let client = self.client(for: request)
        do throws(HTTPError) {
            let response = try client.send(.postJSON(url, body: request.body, headers: request.headers))
            return .response(status: response.status, body: response.body,
                             retryAfterSeconds: response.retryAfterSeconds(now: request.now))
        } catch {
            return .failure(error.message)
        }
    }

    private func client(for request: WebhookSendRequest) -> HTTPClient {
        let pinned = request.pinnedAddresses?.sorted()
        let key = "\(request.timeoutSeconds)|" + (pinned?.joined(separator: ",") ?? "-")
        return clients.withLock { pool in
            if let client = pool[key] { return client }
            var options = HTTPClientOptions(connectTimeout: min(request.timeoutSeconds, 10), readTimeout: request.timeoutSeconds,
                                            maxResponseBody: 20 * 1024, userAgent: "folio-webhooks", trustedCAFile: caFile)
            if let pinned { options.resolve = { _ in pinned } }
            options.maxIdlePerEndpoint = maxIdlePerEndpoint
            let client = HTTPClient(options: options)
            pool[key] = client
            return client
        }
    }
}
