import Foundation
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
            observer: (any FetchObserver)? = nil, rateGivenBy: String? = nil
        ) {
            fetch = FetchSession.Options(
                controller: controller, rate: rate, hints: hints, clock: clock, store: store, incremental: incremental,
                observer: observer, rateGivenBy: rateGivenBy)
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

    /// Fetches what is live, then compares the whole projects: the report holds every record.
    public func run() async throws -> Result {
        let (snapshots, groups) = try plan()
        var data = snapshots
        var fetches: [InstanceFetch] = []
        try await fetch(groups, retainingSuites: true, deliver: { _ in }) { index, outcome in
            data.merge(outcome.projects) { _, new in new }
            fetches.append(Self.instanceFetch(groups[index], outcome))
        }
        guard let leftData = data[.left], let rightData = data[.right] else { throw CasediffError.incomplete([]) }
        let report = try ProjectComparator(options: options.comparison).compare(leftData, rightData)
        return result(report, leftData, rightData, fetches)
    }

    /// Fetches and compares suite pair by suite pair, each pair's part of every output handed to `stream` as soon as
    /// both of its suites are whole, then let go: memory grows with the largest suites, not the projects.
    ///
    /// The report returned holds the suites' summaries, not their records (the stream has written them), and the
    /// projects come back without their suites. Should the early comparisons prove to have used another field set
    /// than the final one (``IncrementalComparison``), the stream is reset and the projects are fetched and compared
    /// again whole (the page cache answers most of that second fetch).
    public func run(streaming stream: ReportStream) async throws -> Result {
        let (snapshots, groups) = try plan()
        do {
            return try await runStreaming(stream, snapshots: snapshots, groups: groups)
        } catch is IncrementalComparison.FieldSetChanged {
            try stream.reset()
            var whole = try await run()
            for suite in whole.report.suites { try stream.add(suite, of: whole.report) }
            whole.report.suites = whole.report.suites.map(\.withoutRecords)
            whole.left.suites = []
            whole.right.suites = []
            return whole
        }
    }

    private func runStreaming(_ stream: ReportStream, snapshots: [Side: ProjectData], groups: [Group]) async throws
        -> Result
    {
        // nil marks the fetch's successful end: a stream that ends without it ended with a failed fetch.
        let (events, continuation) = AsyncStream.makeStream(of: FetchDelivery?.self)
        for (side, data) in snapshots.sorted(by: { $0.key < $1.key }) {
            continuation.yield(.heads([side: data.withoutSuites], listings: [side: data.suites.map(\.suite)]))
            for suite in data.suites { continuation.yield(.suite(side, suite)) }
        }
        // The fetch and the comparison run side by side; whichever fails first ends both and is the error: a
        // comparison that fails (a full disk under the spool) cancels the fetch rather than waiting for its end.
        enum Part: Sendable {
            case fetched([Side: ProjectData], [InstanceFetch])
            case compared(ComparisonReport)
            /// The fetch failed first; its error is the run's.
            case abandoned
        }
        let comparison = options.comparison
        var heads: [Side: ProjectData] = [:]
        var fetches: [InstanceFetch] = []
        var report: ComparisonReport?
        try await withThrowingTaskGroup(of: Part.self) { group in
            group.addTask {
                try await Self.compare(events, options: comparison, stream: stream).map(Part.compared) ?? .abandoned
            }
            group.addTask {
                // The stream ends with the fetch, however it ends.
                defer { continuation.finish() }
                var heads: [Side: ProjectData] = [:]
                var fetches: [InstanceFetch] = []
                try await fetch(groups, retainingSuites: false, deliver: { continuation.yield($0) }) {
                    index, outcome in
                    heads.merge(outcome.projects) { _, new in new }
                    fetches.append(Self.instanceFetch(groups[index], outcome))
                }
                continuation.yield(nil)
                return .fetched(heads, fetches)
            }
            for try await part in group {
                switch part {
                case .fetched(let fetched, let costs): (heads, fetches) = (fetched, costs)
                case .compared(let compared): report = compared
                case .abandoned: break
                }
            }
        }
        guard let report else { throw CasediffError.incomplete([]) }
        heads.merge(snapshots.mapValues(\.withoutSuites)) { fetched, _ in fetched }
        guard let left = heads[.left], let right = heads[.right] else { throw CasediffError.incomplete([]) }
        return result(report, left, right, fetches)
    }

    /// The comparison's side of the stream: pairs compared as they become whole, on as many cores as there are
    /// (the fetch goes on meanwhile), each pair's parts handed to `stream` by the task that compared it.
    private static func compare(
        _ events: AsyncStream<FetchDelivery?>, options: ComparisonOptions, stream: ReportStream
    ) async throws -> ComparisonReport? {
        // One comparison per core. A comparison holds its thread while it runs, so on two cores the fetch can wait
        // for one to end; leaving it a core measured worse (R6 1.23–1.33× the floor against 1.17–1.24×): pairs then
        // queue behind one another and the last ones are compared after the last page.
        let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return try await withThrowingTaskGroup(of: PairResult.self) { group in
            var heads: [Side: ProjectData] = [:]
            var listings: [Side: [Suite]] = [:]
            var waiting: [(Side, SuiteData)] = []
            var comparison: IncrementalComparison?
            var shell: ComparisonReport?
            var added: Set<String> = []
            var running = 0
            var ready: [PairWork] = []
            var fetched = false
            for await delivery in events {
                guard let event = delivery else {
                    fetched = true
                    break
                }
                switch event {
                case .heads(let projects, let lists):
                    heads.merge(projects) { _, new in new }
                    listings.merge(lists) { _, new in new }
                    guard comparison == nil, let left = heads[.left], let right = heads[.right] else { continue }
                    var started = try IncrementalComparison(
                        options: options, left: left, right: right, listings: listings, holdAll: false)
                    shell = started.shell
                    for (side, suite) in waiting { ready += started.add(suite, side: side) }
                    waiting = []
                    comparison = started
                case .suite(let side, let suite):
                    if comparison == nil {
                        waiting.append((side, suite))
                    } else {
                        ready += comparison!.add(suite, side: side)
                    }
                }
                while let work = ready.first, let shell {
                    ready.removeFirst()
                    if running == lanes, let result = try await group.next() {
                        running -= 1
                        comparison!.record(result)
                        added.insert(result.suite.identity)
                    }
                    group.addTask {
                        var result = work.run()
                        try stream.add(result.suite, of: shell)
                        result.suite = result.suite.withoutRecords
                        return result
                    }
                    running += 1
                }
            }
            for try await result in group {
                comparison?.record(result)
                added.insert(result.suite.identity)
            }
            // A fetch that failed or was interrupted says so itself.
            guard fetched else { return nil }
            try Task.checkCancellation()
            guard var comparison, let shell else { throw CasediffError.incomplete([]) }
            var report = try comparison.finish()
            for suite in report.suites where !added.contains(suite.identity) {
                try stream.add(suite, of: shell)
            }
            report.suites = report.suites.map(\.withoutRecords)
            return report
        }
    }

    /// Which sides are snapshots, and the live sides grouped by instance (sides on one instance share a session).
    private typealias Group = (connection: InstanceConnection, projects: [Side: ProjectReference])

    private func plan() throws -> (snapshots: [Side: ProjectData], groups: [Group]) {
        var data: [Side: ProjectData] = [:]
        var groups: [Group] = []
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
                join(
                    side, reference,
                    InstanceConnection(client: client, rate: options.fetch.rate, rateGivenBy: options.fetch.rateGivenBy)
                )
            case .remote(let reference, let connection):
                join(side, reference, connection)
            case .snapshot(let snapshot):
                data[side] = snapshot
            }
        }
        return (data, groups)
    }

    /// Fetches every group at once, each instance by its own session; `done` sees each group's outcome as it
    /// finishes.
    private func fetch(
        _ groups: [Group], retainingSuites: Bool, deliver: @escaping @Sendable (FetchDelivery) -> Void,
        done: (Int, FetchSession.Outcome) -> Void
    ) async throws {
        guard !groups.isEmpty else { return }
        let several = groups.count > 1
        let outcomes = try await withThrowingTaskGroup(of: (Int, FetchSession.Outcome).self) { group in
            for (index, (connection, projects)) in groups.enumerated() {
                let session = FetchSession(client: connection.client, options: fetchOptions(for: connection))
                group.addTask {
                    do {
                        return (
                            index,
                            try await session.run(
                                projects: projects, retainingSuites: retainingSuites, deliver: { deliver($0) })
                        )
                    } catch let error as CasediffError where several {
                        throw error.naming(instance: connection.client.baseURL.description)
                    }
                }
            }
            var outcomes: [Int: FetchSession.Outcome] = [:]
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
        for index in groups.indices {
            if let outcome = outcomes[index] { done(index, outcome) }
        }
    }

    private static func instanceFetch(_ group: Group, _ outcome: FetchSession.Outcome) -> InstanceFetch {
        InstanceFetch(
            instance: group.connection.client.baseURL.description, sides: group.projects.keys.sorted(),
            metrics: outcome.metrics, rate: outcome.rate)
    }

    private func result(
        _ report: ComparisonReport, _ left: ProjectData, _ right: ProjectData, _ fetches: [InstanceFetch]
    ) -> Result {
        Result(
            report: report, left: left, right: right,
            metrics: fetches.isEmpty ? nil : FetchMetrics.combined(fetches.map(\.metrics)),
            rate: fetches.count == 1 ? fetches[0].rate : nil, fetches: fetches)
    }

    /// The run's fetch options, with the connection's own rate and concurrency, and `--suite` and `--fields`.
    private func fetchOptions(for connection: InstanceConnection) -> FetchSession.Options {
        var fetch = options.fetch
        fetch.rate = connection.rate
        fetch.rateGivenBy = connection.rateGivenBy
        if let concurrency = connection.concurrency { fetch.controller.concurrency = max(1, concurrency) }
        fetch.controller.suites = SuiteFilter(options.comparison.suites)
        fetch.controller.alwaysFetchUsers = options.comparison.fields.namesUsers
        // `--resources` without cases: the cases are neither compared nor fetched.
        fetch.controller.fetchCases = options.comparison.compares(.cases)
        fetch.incremental = fetch.incremental && fetch.controller.fetchCases
        return fetch
    }
}
