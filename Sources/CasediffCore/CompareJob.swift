import TestRailAPI

/// One comparison, run through the pipeline's stages in order:
///
/// 1. **Plan** (`Planning/`): ``FetchPlanner`` resolves both projects, sizes every suite from hints and from the
///    pages as they arrive, and emits page units.
/// 2. **Queue** (`Queue/`): one ``WorkQueue`` for both projects, largest remaining suites first.
/// 3. **Control** (`Controller/`, `RateLimiting/`): ``FetchController`` runs the units with bounded concurrency,
///    retries and a circuit breaker, under one adaptive ``RateLimiter`` for the instance.
/// 4. **Aggregate** (`Aggregation/`): each suite is reassembled in display order and proven complete.
/// 5. **Compare** (`Comparison/`): suites by name (or pooled), cases by the match key, field by field
///    (``ProjectComparator``).
///
/// 6. **Render** is the caller's: ``TableRenderer``, ``JSONRenderer``, ``MarkdownRenderer``, ``CSVRenderer`` or
///    ``JUnitRenderer``.
public struct CompareJob: Sendable {
    public struct Options: Sendable {
        public var controller: FetchController.Configuration
        /// The instance's rate profile; nil guesses from the URL.
        public var rate: RateProfile?
        public var hints: any SizeHints
        public var clock: any EngineClock
        public var comparison: ComparisonOptions

        public init(
            controller: FetchController.Configuration = .init(), rate: RateProfile? = nil,
            hints: any SizeHints = NoSizeHints(), clock: any EngineClock = SystemEngineClock(),
            comparison: ComparisonOptions = .init()
        ) {
            self.comparison = comparison
            self.controller = controller
            self.rate = rate
            self.hints = hints
            self.clock = clock
        }
    }

    public struct Result: Sendable {
        public var report: ComparisonReport
        public var left: ProjectData
        public var right: ProjectData
        public var metrics: FetchMetrics
    }

    public let client: TestRailClient
    public let left: ProjectReference
    public let right: ProjectReference
    public let options: Options

    public init(client: TestRailClient, left: ProjectReference, right: ProjectReference, options: Options = .init()) {
        self.client = client
        self.left = left
        self.right = right
        self.options = options
    }

    /// The rate profile the run uses: the one given, or the URL's guess.
    public var rateProfile: RateProfile { options.rate ?? RateProfile.guess(for: client.baseURL) }

    public func run() async throws -> Result {
        let limiter = RateLimiter(.init(ceiling: rateProfile.requestsPerMinute), clock: options.clock)
        var configuration = options.controller
        configuration.suites = SuiteFilter(options.comparison.suites)
        let controller = FetchController(
            client: client, configuration: configuration, limiter: limiter, clock: options.clock,
            hints: options.hints)
        let fetched = try await controller.run(left: left, right: right)
        let report = try ProjectComparator(options: options.comparison).compare(fetched.left, fetched.right)
        return Result(report: report, left: fetched.left, right: fetched.right, metrics: fetched.metrics)
    }
}
