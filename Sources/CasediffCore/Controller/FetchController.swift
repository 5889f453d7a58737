import Foundation
import TestRailAPI

/// Runs a ``FetchPlanner``'s units with bounded concurrency and hands each completed suite to the aggregator's
/// consumer: the engine's loop.
///
/// Structured concurrency: one task group; the loop owns the planner, the aggregator and the ``DispatchState``
/// (no shared state), child tasks only wait for permits, send requests and decode. The loop makes no decision of
/// its own: the planner says what is needed, the dispatch state when and how it goes. Cancelling the calling task
/// (Ctrl-C) cancels every request and ends the run with what was fetched so far.
public struct FetchController: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Requests in flight at most.
        public var concurrency: Int
        public var speculation: Bool
        public var retry: RetryPolicy
        /// Only these suites are fetched (`--suite`).
        public var suites: SuiteFilter
        /// List the users even when no custom field needs them (`--fields created_by,updated_by`).
        public var alwaysFetchUsers: Bool
        /// Fetch the suites' cases (false: `--resources` without `cases`; see ``FetchPlanner/Configuration``).
        public var fetchCases: Bool

        public init(
            concurrency: Int = 8, speculation: Bool = true, retry: RetryPolicy = RetryPolicy(),
            suites: SuiteFilter = .init(), alwaysFetchUsers: Bool = false, fetchCases: Bool = true
        ) {
            self.fetchCases = fetchCases
            self.suites = suites
            self.alwaysFetchUsers = alwaysFetchUsers
            self.concurrency = max(1, concurrency)
            self.speculation = speculation
            self.retry = retry
        }
    }

    /// Both projects, complete, and what fetching them cost.
    public struct Output: Sendable {
        public var left: ProjectData
        public var right: ProjectData
        public var metrics: FetchMetrics
    }

    public let client: TestRailClient
    public let configuration: Configuration
    public let limiter: RateLimiter
    let breaker: CircuitBreaker
    let clock: any EngineClock
    let hints: any SizeHints
    let cache: PageCache?
    let observer: (any FetchObserver)?
    let random: @Sendable () -> Double

    /// - Parameters:
    ///   - cache: stored pages to use instead of requests, and where fetched pages are kept; nil for none.
    ///   - observer: sees every request attempt and, after every page, each side's progress.
    public init(
        client: TestRailClient, configuration: Configuration, limiter: RateLimiter, clock: any EngineClock,
        hints: any SizeHints = NoSizeHints(), cache: PageCache? = nil, observer: (any FetchObserver)? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.client = client
        self.observer = observer
        self.configuration = configuration
        self.limiter = limiter
        self.clock = clock
        self.hints = hints
        self.cache = cache
        self.random = random
        breaker = CircuitBreaker(clock: clock)
    }

    /// Fetches both projects; `deliver` sees the heads, then every suite as soon as all its pages are in.
    public func run(
        left: ProjectReference, right: ProjectReference, deliver: (FetchDelivery) async throws -> Void = { _ in }
    ) async throws -> Output {
        let fetched = try await run(projects: [.left: left, .right: right], deliver: deliver)
        guard let leftData = fetched.projects[.left], let rightData = fetched.projects[.right] else {
            throw CasediffError.incomplete([])
        }
        return Output(left: leftData, right: rightData, metrics: fetched.metrics)
    }

    /// Fetches the projects named, one per side (a snapshot fetches one).
    ///
    /// - Parameters:
    ///   - retainingSuites: keep every suite for the result's projects; without it the projects come back without
    ///     suites, each handed to `deliver` and let go (memory then holds only the suites being fetched).
    ///   - deliver: sees the heads as soon as they are whole, then every suite as soon as all its pages are in.
    /// - Returns: the projects, what fetching cost, and each side's suite sizes.
    public func run(
        projects references: [Side: ProjectReference], retainingSuites: Bool = true,
        deliver: (FetchDelivery) async throws -> Void = { _ in }
    ) async throws -> (projects: [Side: ProjectData], metrics: FetchMetrics, sizes: [Side: [SuiteSizeHint]]) {
        let metrics = MetricsRecorder()
        let executor = RequestExecutor(
            client: client, limiter: limiter, breaker: breaker, policy: configuration.retry, clock: clock,
            metrics: metrics, random: random, observer: observer)
        let instance = client.baseURL.description
        let offline = cache?.policy.offline ?? false
        var planner = FetchPlanner(
            projects: references,
            configuration: .init(
                concurrency: configuration.concurrency, speculation: configuration.speculation && !offline,
                instance: instance, suites: configuration.suites,
                alwaysFetchUsers: configuration.alwaysFetchUsers, fetchCases: configuration.fetchCases),
            hints: hints)
        var aggregator = ResultAggregator()
        var delivered: [Side: [SuiteData]] = [:]
        var sizes: [Side: [SuiteSizeHint]] = [:]
        // Suites whole before the heads wait for them.
        var early: [(Side, SuiteData)]? = []
        func handOver(_ side: Side, _ suite: SuiteData) async throws {
            // A suite fetched without its cases says nothing of its size.
            if configuration.fetchCases {
                sizes[side, default: []].append(
                    SuiteSizeHint(suiteID: suite.suite.id, cases: suite.cases.count, sections: suite.sections.count))
            }
            if retainingSuites { delivered[side, default: []].append(suite) }
            if early == nil { try await deliver(.suite(side, suite)) } else { early!.append((side, suite)) }
        }
        func handOverHeads(_ heads: PlannerHeads) async throws {
            var projects: [Side: ProjectData] = [:]
            for (side, project) in heads.projects {
                projects[side] = ProjectData(
                    instance: instance, project: project, suites: [], caseTypes: heads.caseTypes,
                    priorities: heads.priorities,
                    definitions: aggregator.definitions(side, heads.definitions[side] ?? DefinitionChains.none))
            }
            try await deliver(.heads(projects, listings: heads.listings))
            let waiting = early ?? []
            early = nil
            for (side, suite) in waiting { try await deliver(.suite(side, suite)) }
        }
        var missing: [PageKey] = []
        let started = clock.now
        // Permits before units, unless stored pages may answer units (those must not wait for a permit).
        var dispatch = DispatchState(
            .init(
                concurrency: configuration.concurrency, maxAttempts: configuration.retry.maxAttempts,
                bindAtPermit: cache?.policy.freshSince == nil))
        let source = PageSource(executor: executor, cache: cache, instance: instance)
        let progressObserver = observer?.wantsProgress == true ? observer : nil
        await progressObserver?.observe(
            .progress(planner.progressReport(limitPerMinute: await limiter.requestsPerMinute)))

        do {
            // Pages fetched are saved by the cache's background writer, written in full before this block ends.
            try await withStoreWriter {
                try await withThrowingTaskGroup(of: PageAnswer.self) { group in
                    // Requests in flight are bounded; decoding is not: a page decodes while the next request is
                    // already on its way, so CPU and network latency overlap.
                    func perform(_ action: DispatchState.Action) async {
                        switch action {
                        case .fetch(let send): group.addTask { await source.fetch(send) }
                        case .awaitPermit: group.addTask { await source.admit() }
                        case .send(let send, let permit): group.addTask { await source.send(send, under: permit) }
                        case .giveBack(let permit): await executor.giveBack(permit)
                        }
                    }
                    while true {
                        try Task.checkCancellation()
                        let perMinute = await limiter.requestsPerMinute
                        for action in dispatch.dispatch(perMinute: perMinute, from: &planner) {
                            await perform(action)
                        }
                        guard !dispatch.isIdle, let child = try await group.next() else { break }
                        let outcome: UnitOutcome
                        var fromStore = false
                        switch child {
                        case .permit(let permit):
                            let perMinute = await limiter.requestsPerMinute
                            if let action = dispatch.permitGranted(permit, perMinute: perMinute, from: &planner) {
                                await perform(action)
                            }
                            continue
                        case .fetched(let send, let data, let latency):
                            dispatch.fetched(latency: latency)
                            group.addTask { await source.decode(send, data) }
                            continue
                        case .stored(let unit, let payload):
                            dispatch.answered()
                            fromStore = true
                            outcome = UnitOutcome(unit: unit, result: .success(payload))
                        case .missing(let unit):
                            dispatch.answered()
                            if !planner.definitionNotStored(unit) {
                                missing.append(PageKey(unit, instance: instance))
                            }
                            continue
                        case .failed(let unit, let error):
                            dispatch.answered()
                            outcome = UnitOutcome(unit: unit, result: .failure(error))
                        case .decoded(let send, let result):
                            if dispatch.decoded(send, result) == .sendAgain {
                                await metrics.retried()
                                continue
                            }
                            if case .success(let payload) = result {
                                await metrics.warn(payload.page?.warnings ?? [])
                            }
                            outcome = UnitOutcome(unit: send.unit, result: result)
                        }
                        let update = try planner.handle(outcome)
                        if update.keep, case .success(let payload) = outcome.result {
                            // Pages counts what the server sent; the store's answers are counted by the cache.
                            await metrics.received(isPage: payload.page != nil && !fromStore)
                        }
                        for (side, suite) in aggregator.take(outcome, update) {
                            try await handOver(side, suite)
                        }
                        if early != nil, let heads = planner.heads() {
                            try await handOverHeads(heads)
                        }
                        if let progressObserver, update.keep {
                            await progressObserver.observe(.progress(planner.progressReport(limitPerMinute: perMinute)))
                        }
                    }
                }
            }
        } catch let error where error is CancellationError || Task.isCancelled {
            let sent = await metrics.snapshot().requests
            let sides = planner.progressReport(limitPerMinute: nil).sides.values
            let cases = sides.reduce(0) { $0 + $1.cases }
            let known = sides.allSatisfy { $0.suitesTotal != nil }
            let total = known ? " of \(sides.reduce(0) { $0 + ($1.suitesTotal ?? 0) })" : ""
            var progress =
                "fetched \(cases) cases; \(planner.suitesDelivered)\(total) suites complete (\(sent) requests)"
            if let cache, !cache.policy.offline {
                progress += "; the pages fetched are stored, and a run within the hour resumes from them"
            }
            throw CasediffError.interrupted(progress: progress)
        }
        if !missing.isEmpty {
            throw CasediffError.notStored(missing.sorted())
        }
        let result = try planner.finish()
        if early != nil {
            guard let heads = planner.heads() else { throw CasediffError.incomplete([]) }
            try await handOverHeads(heads)
        }

        var summary = await metrics.snapshot()
        summary.cases = result.casesFetched
        summary.suites = result.suitesDelivered
        summary.speculative = result.speculativeRequests
        summary.wastedPages = result.wastedPages
        summary.duplicates = aggregator.duplicates
        summary.circuitOpenings = await breaker.openings
        summary.finalRatePerMinute = await limiter.requestsPerMinute
        summary.wallTime = clock.now - started
        if let cache {
            let report = await cache.report()
            summary.cache = report.counts
            summary.storeWarning = report.saveError
        }
        var projects: [Side: ProjectData] = [:]
        for (side, project) in result.projects {
            guard let chains = result.definitions[side] else { throw CasediffError.incomplete([]) }
            projects[side] = ProjectData(
                instance: instance, project: project,
                suites: (delivered[side] ?? []).sorted { $0.suite.id < $1.suite.id }, caseTypes: result.caseTypes,
                priorities: result.priorities, definitions: aggregator.definitions(side, chains))
        }
        return (projects, summary, sizes)
    }

    /// Runs `body` beside the cache's background writer (``PageCache/withWriter(_:)``), when there is a cache.
    private func withStoreWriter(_ body: () async throws -> Void) async throws {
        guard let cache else { return try await body() }
        try await cache.withWriter(body)
    }
}
