import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The production transport: Foundation's URLSession (libcurl on Linux), TLS verification always on.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; the class holds nothing mutable.
    private let session: URLSession

    public init(maximumConnectionsPerHost: Int = 64) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "GET"
        let timeout = request.timeout.components
        urlRequest.timeoutInterval = Double(timeout.seconds) + Double(timeout.attoseconds) / 1e18
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        try Task.checkCancellation()
        let (data, response) = try await exchange(urlRequest)
        guard let http = response as? HTTPURLResponse else {
            throw TestRailError.connectionFailed("the server did not answer with HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// One data task, bridged by hand rather than through `URLSession.data(for:)`: on Linux, cancelling a task
    /// inside that async API can deadlock (its cancellation handler calls into the session's queue while holding
    /// the task's status lock, as the session completes it). Here cancellation is handed to another queue.
    private func exchange(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let handle = DataTaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: Self.map(error))
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: TestRailError.connectionFailed("no response"))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }

    static func map(_ error: any Error) -> TestRailError {
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
            return .unreachable("cannot resolve the host name")
        case .cannotConnectToHost:
            return .unreachable("connection refused")
        case .networkConnectionLost:
            return .connectionFailed("the connection was dropped mid-response")
        case .notConnectedToInternet:
            return .unreachable("no network")
        default:
            return .connectionFailed("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
    }
}

/// The one data task of an exchange, so a cancellation that races its start still reaches it.
private final class DataTaskHandle: @unchecked Sendable {
    // Guarded by `lock`.
    private var task: URLSessionDataTask?
    private var cancelled = false
    private let lock = NSLock()

    func start(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelled = self.cancelled
        lock.unlock()
        task.resume()
        if cancelled { Self.cancelLater(task) }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        if let task { Self.cancelLater(task) }
    }

    private static func cancelLater(_ task: URLSessionDataTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
