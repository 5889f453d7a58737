/// What a fetch cost, for the summary on stderr.
public struct FetchStatistics: Sendable, Hashable {
    public var requests = 0
    public var pages = 0
    public var cases = 0
    public var suites = 0

    public init() {}

    public static func + (lhs: FetchStatistics, rhs: FetchStatistics) -> FetchStatistics {
        var sum = lhs
        sum.requests += rhs.requests
        sum.pages += rhs.pages
        sum.cases += rhs.cases
        sum.suites += rhs.suites
        return sum
    }
}
