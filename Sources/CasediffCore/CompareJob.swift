import TestRailAPI

/// One comparison, run through the pipeline's stages in order:
///
/// 1. **Plan** (`Planning/`): ``FetchPlanner`` resolves both projects, sizes every suite from hints and from the
///    pages as they arrive, and emits page units.
/// 2. **Queue** (`Queue/`): one ``WorkQueue`` for both projects, largest remaining suites first.
/// 3. **Control** (`Controller/`, `RateLimiting/`, `Caching/`): ``FetchController`` runs the units with bounded
///    concurrency, retries and a circuit breaker, under one adaptive ``RateLimiter`` for the instance; a
///    ``PageCache`` answers from fresh stored pages and keeps every page fetched (``FetchSession``).
/// 4. **Aggregate** (`Aggregation/`): each suite is reassembled in display order and proven complete.
/// 5. **Compare** (`Comparison/`): suites by name (or pooled), cases by the match key, field by field
///    (``ProjectComparator``).
///
/// 6. **Render** is the caller's: ``TableRenderer``, ``JSONRenderer``, ``MarkdownRenderer``, ``CSVRenderer`` or
///    ``JUnitRenderer``.
///
/// Either side may be a ``ProjectSnapshot`` instead of a live project; only live sides are fetched.
public struct CompareJob: Sendable {
    /// Where one side's data comes from.
    public enum Source: Sendable, Hashable {
        case live(ProjectReference)
        case snapshot(ProjectData)
    }

    public struct Options: Sendable {
        /// How live sides are fetched (concurrency, rate, hints, clock, store, incremental refresh).
        public var fetch: FetchSession.Options
        public var comparison: ComparisonOptions

        public init(
            controller: FetchController.Configuration = .init(), rate: RateProfile? = nil,
            hints: (any SizeHints)? = nil, clock: any EngineClock = SystemEngineClock(),
            comparison: ComparisonOptions = .init(), store: StoreSettings? = nil, incremental: Bool = false,
            observer: (any FetchObserver)? = nil
        ) {
            fetch = FetchSession.Options(
                controller: controller, rate: rate, hints: hints, clock: clock, store: store, incremental: incremental,
                observer: observer)
            self.comparison = comparison
        }
    }

    public struct Result: Sendable {
        public var report: ComparisonReport
        public var left: ProjectData
        public var right: ProjectData
        /// What fetching cost; nil when both sides were snapshots.
        public var metrics: FetchMetrics?
        /// The rate used; nil when nothing was fetched.
        public var rate: RateChoice?
    }

    /// Needed only when a side is live.
    public let client: TestRailClient?
    public let left: Source
    public let right: Source
    public let options: Options

    public init(client: TestRailClient?, left: Source, right: Source, options: Options = .init()) {
        self.client = client
        self.left = left
        self.right = right
        self.options = options
    }

    public init(client: TestRailClient, left: ProjectReference, right: ProjectReference, options: Options = .init()) {
        self.init(client: client, left: .live(left), right: .live(right), options: options)
    }

    public func run() async throws -> Result {
        var data: [Side: ProjectData] = [:]
        var live: [Side: ProjectReference] = [:]
        for (side, source) in [(Side.left, left), (.right, right)] {
            switch source {
            case .live(let reference): live[side] = reference
            case .snapshot(let snapshot): data[side] = snapshot
            }
        }
        var metrics: FetchMetrics?
        var rate: RateChoice?
        if !live.isEmpty {
            guard let client else {
                throw CasediffError.missingSetting("no TestRail URL: set TESTRAIL_URL or pass --url")
            }
            var fetch = options.fetch
            fetch.controller.suites = SuiteFilter(options.comparison.suites)
            let session = FetchSession(client: client, options: fetch)
            let fetched = try await session.run(projects: live)
            data.merge(fetched.projects) { _, new in new }
            metrics = fetched.metrics
            rate = fetched.rate
        }
        guard let leftData = data[.left], let rightData = data[.right] else { throw CasediffError.incomplete([]) }
        let report = try ProjectComparator(options: options.comparison).compare(leftData, rightData)
        return Result(report: report, left: leftData, right: rightData, metrics: metrics, rate: rate)
    }
}
