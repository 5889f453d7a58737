import TestRailAPI

/// A TestRail instance one side of a comparison lives on, and how hard it may be driven: a `PROFILE:PROJECT` side
/// brings its own URL, user, key, rate and concurrency. Its key is only ever sent to its own URL.
public struct InstanceConnection: Sendable {
    public var client: TestRailClient
    /// nil: a rate learned from the instance's 429s, else the URL's guess.
    public var rate: RateProfile?
    /// Where `rate` came from (`--rate`, `profile 'cloud'`), for the statistics line.
    public var rateGivenBy: String?
    /// nil: the run's concurrency.
    public var concurrency: Int?

    public init(client: TestRailClient, rate: RateProfile? = nil, concurrency: Int? = nil, rateGivenBy: String? = nil) {
        self.client = client
        self.rate = rate
        self.rateGivenBy = rateGivenBy
        self.concurrency = concurrency
    }

    /// Sides share a fetch (one planner, one limiter) when they are on the same instance as the same user.
    var identity: String { client.baseURL.description + "\u{0}" + client.credentials.user }
}
