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
/// Either side may be a ``ProjectSnapshot`` instead of a live project; only live sides are fetched. Sides on two
/// instances (`compare source:12 target:Storefront`) are fetched at once, each instance by its own session with its
/// own client, rate limiter and definitions; sides on one instance share one session.
public struct CompareJob: Sendable {
    /// Where one side's data comes from.
    public enum Source: Sendable {
        /// A project on the job's instance (`client`).
        case live(ProjectReference)
        /// A project on an instance of its own (a `PROFILE:PROJECT` side).
        case remote(ProjectReference, InstanceConnection)
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

    /// One instance's fetch: which sides it served, what it cost, the rate it used.
    public struct InstanceFetch: Sendable {
        public var instance: String
        public var sides: [Side]
        public var metrics: FetchMetrics
        public var rate: RateChoice
    }

    public struct Result: Sendable {
        public var report: ComparisonReport
        public var left: ProjectData
        public var right: ProjectData
        /// What fetching cost, every instance together; nil when both sides were snapshots.
        public var metrics: FetchMetrics?
        /// The rate used when one instance was fetched; nil when nothing was, or two instances were.
        public var rate: RateChoice?
        /// Each instance's fetch, in side order.
        public var fetches: [InstanceFetch]
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
        var groups: [(connection: InstanceConnection, projects: [Side: ProjectReference])] = []
        func join(_ side: Side, _ reference: ProjectReference, _ connection: InstanceConnection) {
            if let index = groups.firstIndex(where: { $0.connection.identity == connection.identity }) {
                groups[index].projects[side] = reference
            } else {
                groups.append((connection, [side: reference]))
            }
        }
        for (side, source) in [(Side.left, left), (.right, right)] {
            switch source {
            case .live(let reference):
                guard let client else {
                    throw CasediffError.missingSetting("no TestRail URL: set TESTRAIL_URL or pass --url")
                }
                join(side, reference, InstanceConnection(client: client, rate: options.fetch.rate))
            case .remote(let reference, let connection):
                join(side, reference, connection)
            case .snapshot(let snapshot):
                data[side] = snapshot
            }
        }
        var fetches: [InstanceFetch] = []
        if !groups.isEmpty {
            let several = groups.count > 1
            let outcomes = try await withThrowingTaskGroup(of: (Int, FetchSession.Outcome).self) { group in
                for (index, (connection, projects)) in groups.enumerated() {
                    let session = FetchSession(client: connection.client, options: fetchOptions(for: connection))
                    group.addTask {
                        do {
                            return (index, try await session.run(projects: projects))
                        } catch let error as CasediffError where several {
                            throw error.naming(instance: connection.client.baseURL.description)
                        }
                    }
                }
                var outcomes: [Int: FetchSession.Outcome] = [:]
                for try await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes
            }
            for (index, group) in groups.enumerated() {
                guard let outcome = outcomes[index] else { continue }
                data.merge(outcome.projects) { _, new in new }
                fetches.append(
                    InstanceFetch(
                        instance: group.connection.client.baseURL.description, sides: group.projects.keys.sorted(),
                        metrics: outcome.metrics, rate: outcome.rate))
            }
        }
        guard let leftData = data[.left], let rightData = data[.right] else { throw CasediffError.incomplete([]) }
        let report = try ProjectComparator(options: options.comparison).compare(leftData, rightData)
        return Result(
            report: report, left: leftData, right: rightData,
            metrics: fetches.isEmpty ? nil : FetchMetrics.combined(fetches.map(\.metrics)),
            rate: fetches.count == 1 ? fetches[0].rate : nil, fetches: fetches)
    }

    /// The run's fetch options, with the connection's own rate and concurrency, and `--suite` and `--fields`.
    private func fetchOptions(for connection: InstanceConnection) -> FetchSession.Options {
        var fetch = options.fetch
        fetch.rate = connection.rate
        if let concurrency = connection.concurrency { fetch.controller.concurrency = max(1, concurrency) }
        fetch.controller.suites = SuiteFilter(options.comparison.suites)
        fetch.controller.alwaysFetchUsers = options.comparison.fields.namesUsers
        return fetch
    }
}
