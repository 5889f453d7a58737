import Foundation

/// One GET as the client hands it to a transport: the URL, headers, and the bounds the exchange must keep.
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
