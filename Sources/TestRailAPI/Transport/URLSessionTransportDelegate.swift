import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session delegate of ``URLSessionTransport``: routes each task's events to its ``TransportExchange``, refuses
/// redirects to another origin and enforces the body cap as bytes arrive.
final class URLSessionTransportDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let exchanges = Mutex<[Int: TransportExchange]>([:])

    func register(_ exchange: TransportExchange, for task: URLSessionTask) {
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
    }

    private func exchange(_ task: URLSessionTask) -> TransportExchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard let exchange = exchange(task), let target = request.url else {
            completionHandler(nil)
            return
        }
        guard exchange.beginRedirect() else { return }
        // Followed only within the origin and for the same API call (`?/api/v2/get_cases/1&suite_id=2`): a redirect
        // to another call — another project's list, or `delete_case` — is refused like one to another host.
        if exchange.origin == TransportExchange.Origin(target), target.query == task.originalRequest?.url?.query {
            completionHandler(request)
            return
        }
        // Nothing goes to another origin: refused, the task completes with the 3xx answer, and the exchange then
        // ends as `.redirected`. It is not ended here: cancelling the task while corelibs waits for this handler's
        // answer traps in FoundationNetworking ("Received callback for HTTP redirection, but we're not waiting
        // for it").
        exchange.refuse(redirectTo: target.absoluteString)
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let exchange = exchange(dataTask), !exchange.accepts(expectedLength: response.expectedContentLength) {
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(dataTask)?.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        guard let exchange else { return }
        if let error {
            exchange.finish(.failure(URLSessionTransport.map(error, url: task.originalRequest?.url)))
        } else if let http = task.response as? HTTPURLResponse {
            exchange.complete(http)
        } else {
            exchange.finish(.failure(.connectionFailed("the server did not answer with HTTP")))
        }
    }
}
