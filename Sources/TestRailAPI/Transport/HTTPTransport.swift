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
