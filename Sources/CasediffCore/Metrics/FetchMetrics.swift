/// What a fetch cost: printed on stderr at the end of a run and written into the JSON diff's `run` block.
public struct FetchMetrics: Sendable, Hashable {
    /// HTTP requests sent, every attempt counted.
    public var requests = 0
    /// List pages received intact from the server (pages answered from the store are in `cache`).
    public var pages = 0
    public var cases = 0
    public var suites = 0
    /// 429 answers.
    public var rateLimited = 0
    public var retries = 0
    /// Speculative pages sent, and pages fetched that the result did not need.
    public var speculative = 0
    public var wastedPages = 0
    public var duplicates = 0
    public var bytes = 0
    public var latencyP50: Duration = .zero
    public var latencyP95: Duration = .zero
    public var peakConcurrency = 0
    public var circuitOpenings = 0
    public var wallTime: Duration = .zero
    /// The limiter's rate at the end of the run (requests per minute); nil when unlimited.
    public var finalRatePerMinute: Double?
    /// Pages answered from memory and from the store, pages missed and saved; all zero without a store.
    public var cache = CacheCounts()
    /// `--incremental`: suites brought up to date with `updated_after`, suites whose proof failed (fetched in
    /// full), and the requests the refresh took (included in `requests`).
    public var incrementalSuites = 0
    public var incrementalFallbacks = 0
    public var incrementalRequests = 0
    /// The first error the store gave while saving, if any (the run still completes).
    public var storeWarning: String?
    /// Problems repaired while decoding, one line each, for stderr (`case C12: its title had bytes that are not
    /// UTF-8; shown as U+FFFD`).
    public var warnings: [String] = []

    public init() {}

    /// Requests per minute over the whole run.
    public var effectiveRatePerMinute: Double {
        let seconds = wallTime.inSeconds
        return seconds > 0 ? Double(requests) * 60 / seconds : 0
    }
}
