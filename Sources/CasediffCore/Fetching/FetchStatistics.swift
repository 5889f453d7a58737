/// What a fetch cost, for the summary on stderr.
public struct FetchStatistics: Sendable, Hashable {
    /// List requests answered (one per page; the sequential fetcher sends no other kind).
    public var requests = 0
    public var cases = 0
    public var suites = 0

    public init() {}
}
