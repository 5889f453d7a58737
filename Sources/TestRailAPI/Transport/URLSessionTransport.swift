import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The production transport: Foundation's URLSession (libcurl on Linux), TLS verification always on.
///
/// Every exchange is driven by ``URLSessionTransportDelegate`` rather than a completion handler, so that it can
///
/// - refuse a redirect to another origin (scheme, host, port) before anything is sent there: corelibs-foundation
///   copies every header, `Authorization` included, into the redirected request, and without a delegate follows it;
///   a same-origin redirect is followed (the credentials stay with the instance);
/// - count the body's bytes as they arrive and stop at the request's cap, so a huge body never fills memory;
/// - end within the request's timeout even when the server trickles bytes forever (URLSession's own timeout is an
///   idle timeout) or never answers, and return at once when the calling task is cancelled, whether or not
///   libcurl honours the cancel promptly.
public final class URLSessionTransport: HTTPTransport, Sendable {
    private let session: URLSession
    private let delegate: URLSessionTransportDelegate

    public init(maximumConnectionsPerHost: Int = 64) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = URLSessionTransportDelegate()
        self.delegate = delegate
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "GET"
        let timeout = request.timeout.inSeconds
        // corelibs-foundation truncates this idle timeout to whole seconds; the exchange's own deadline is exact.
        urlRequest.timeoutInterval = max(1, timeout.rounded(.up))
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        try Task.checkCancellation()
        let exchange = TransportExchange(
            origin: TransportExchange.Origin(request.url), call: Self.call(request.url),
            maximumBodySize: request.maximumBodySize)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchange.attach(continuation)
                let task = session.dataTask(with: urlRequest)
                delegate.register(exchange, for: task)
                exchange.start(task, deadline: timeout)
            }
        } onCancel: {
            exchange.finish(.failure(.cancelled))
        }
    }

    /// The call in a TestRail API URL (`get_cases/1&suite_id=2`), for messages.
    static func call(_ url: URL) -> String {
        let query = url.query ?? url.path
        return query.hasPrefix("/api/v2/") ? String(query.dropFirst("/api/v2/".count)) : query
    }

    /// The TestRail root a request went to (`https://example.testrail.io/`), for a message that must say which host
    /// could not be reached: the URL up to `index.php`, else its scheme, host and port. Never the user or password.
    static func root(of url: URL?) -> String? {
        guard let url, let scheme = url.scheme, let host = url.host else { return nil }
        var components = URLComponents()
        components.scheme = scheme
        components.host = host
        components.port = url.port
        let path = url.path
        components.path = path.hasSuffix("/index.php") ? String(path.dropLast("index.php".count)) : "/"
        return components.string
    }

    static func map(_ error: any Error, url: URL? = nil) -> TestRailError {
        let root = root(of: url)
        if error is CancellationError { return .cancelled }
        guard let urlError = error as? URLError else {
            return .connectionFailed(String(describing: error))
        }
        switch urlError.code {
        case .cancelled:
            return .cancelled
        case .timedOut:
            return .timedOut
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return .tlsFailure(urlError.localizedDescription)
        case .cannotFindHost, .dnsLookupFailed:
            return .unreachable("cannot resolve the host name", url: root)
        case .cannotConnectToHost:
            return .unreachable("connection refused", url: root)
        case .networkConnectionLost:
            return .connectionFailed("the connection was dropped mid-response")
        case .notConnectedToInternet:
            return .unreachable("no network", url: root)
        default:
            return .connectionFailed("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
    }
}

extension Duration {
    fileprivate var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
