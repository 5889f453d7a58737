/// What a fetch cost, for the summary on stderr.
public struct FetchStatistics: Sendable, Hashable {
    public var requests = 0
    public var pages = 0
    public var cases = 0
    public var suites = 0

    public init() {}
}
