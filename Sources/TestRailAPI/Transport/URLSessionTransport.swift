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
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch {
            throw Self.map(error)
        }
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
            return .connectionFailed("cannot resolve the host name")
        case .cannotConnectToHost:
            return .connectionFailed("connection refused")
        case .networkConnectionLost:
            return .connectionFailed("the connection was dropped mid-response")
        case .notConnectedToInternet:
            return .connectionFailed("no network")
        default:
            return .connectionFailed("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
    }
}
