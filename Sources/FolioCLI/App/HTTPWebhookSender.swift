import FolioCore
import FolioHTTP

/// The webhook sender of the CLI: one POST with FolioHTTP (no redirect followed, the response
/// body read up to 20 KiB), connect and read each limited by the request's timeout. A request
/// with pinned addresses connects only to them (the worker checked them: `WebhookAddressGuard`).
struct HTTPWebhookSender: WebhookSender {
    var caFile: String? = nil

    func send(_ request: WebhookSendRequest) -> WebhookSendResult {
        let url: HTTPURL
        do throws(HTTPError) { url = try HTTPURL(request.url) } catch {
            return .failure("the endpoint URL is not valid: \(error.message)")
        }
        var options = HTTPClientOptions(connectTimeout: min(request.timeoutSeconds, 10), readTimeout: request.timeoutSeconds,
                                        maxResponseBody: 20 * 1024, userAgent: "folio-webhooks", trustedCAFile: caFile)
        if let pinned = request.pinnedAddresses { options.resolve = { _ in pinned } }
        options.maxIdlePerEndpoint = 0
        let client = HTTPClient(options: options)
        defer { client.closeIdleConnections() }
        do throws(HTTPError) {
            let response = try client.send(.postJSON(url, body: request.body, headers: request.headers))
            return .response(status: response.status, body: response.body,
                             retryAfterSeconds: response.retryAfterSeconds(now: request.now))
        } catch {
            return .failure(error.message)
        }
    }
}
