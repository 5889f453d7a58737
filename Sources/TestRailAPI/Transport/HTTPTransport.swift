import Foundation

/// Sends one HTTP GET and returns whatever came back; status handling belongs to the client, not the transport.
///
/// Unit tests inject closures; production and integration tests use ``URLSessionTransport``.
public protocol HTTPTransport: Sendable {
    /// Throws only ``TestRailError`` transport cases (`timedOut`, `unreachable`, `connectionFailed`, `tlsFailure`,
    /// `redirected`, `responseTooLarge`, `cancelled`). The whole exchange ends within `request.timeout`, and a body
    /// larger than `request.maximumBodySize` is refused as it arrives.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable, Hashable {
    public var url: URL
    public var headers: [String: String]
    public var timeout: Duration
    public var maximumBodySize: Int

    public init(
        url: URL, headers: [String: String] = [:], timeout: Duration = .seconds(30),
        maximumBodySize: Int = TestRailClient.defaultMaximumResponseSize
    ) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
    }
}

public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }
}

/// A transport built from a closure, for unit tests and canned responses.
public struct ClosureTransport: HTTPTransport {
    let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

    public init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.handler = handler
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await handler(request)
    }
}
