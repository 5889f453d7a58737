import Foundation
import TestRailAPI

/// Runs a ``FetchPlanner``'s units with bounded concurrency and hands each completed suite to the aggregator's
/// consumer: the engine's loop.
///
/// Structured concurrency: one task group; the loop owns the planner and the aggregator (no shared state), child
/// tasks only send requests and decode. Cancelling the calling task (Ctrl-C) cancels every request and ends the
/// run with what was fetched so far.
public struct FetchController: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Requests in flight at most.
        public var concurrency: Int
        public var speculation: Bool
        public var retry: RetryPolicy

        public init(concurrency: Int = 8, speculation: Bool = true, retry: RetryPolicy = RetryPolicy()) {
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
    let random: @Sendable () -> Double

    public init(
        client: TestRailClient, configuration: Configuration, limiter: RateLimiter, clock: any EngineClock,
        hints: any SizeHints = NoSizeHints(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.client = client
        self.configuration = configuration
        self.limiter = limiter
        self.clock = clock
        self.hints = hints
        self.random = random
        breaker = CircuitBreaker(clock: clock)
    }

    /// Fetches both projects; `onSuite` sees every suite as soon as all its pages are in.
    public func run(
        left: ProjectReference, right: ProjectReference,
        onSuite: (Side, SuiteData) async throws -> Void = { _, _ in }
    ) async throws -> Output {
        let metrics = MetricsRecorder()
        let executor = RequestExecutor(
            client: client, limiter: limiter, breaker: breaker, policy: configuration.retry, clock: clock,
            metrics: metrics, random: random)
        let instance = client.baseURL.description
        var planner = FetchPlanner(
            left: left, right: right,
            configuration: .init(
                concurrency: configuration.concurrency, speculation: configuration.speculation, instance: instance),
            hints: hints)
        var aggregator = ResultAggregator()
        var delivered: [Side: [SuiteData]] = [.left: [], .right: []]
        let started = clock.now
        var latencyEstimate = 0.25

        do {
            try await withThrowingTaskGroup(of: (UnitOutcome, Duration?).self) { group in
                var running = 0
                while true {
                    try Task.checkCancellation()
                    let perMinute = await limiter.requestsPerMinute
                    // The rate binds when fewer requests in flight than we may run would already saturate it.
                    let rateBound =
                        perMinute.map { $0 / 60 * latencyEstimate <= Double(configuration.concurrency) } ?? false
                    while running < configuration.concurrency, let unit = planner.nextUnit(rateBound: rateBound) {
                        group.addTask { await Self.execute(unit, with: executor) }
                        running += 1
                    }
                    guard running > 0, let (outcome, latency) = try await group.next() else { break }
                    running -= 1
                    if let latency {
                        latencyEstimate = latencyEstimate * 0.8 + latency.inSeconds * 0.2
                    }
                    let progress = try planner.handle(outcome)
                    if progress.keep, case .success(let payload) = outcome.result {
                        aggregator.store(payload, for: outcome.unit)
                        await metrics.received(isPage: payload.pageShape != nil)
                    }
                    for key in progress.discarded {
                        aggregator.discard(side: key.side, suiteID: key.suiteID)
                    }
                    for key in progress.completed {
                        guard let chains = planner.chains(of: key) else { continue }
                        let suite = aggregator.assemble(
                            side: key.side, suite: chains.suite, sectionOffsets: chains.sections,
                            caseOffsets: chains.cases)
                        delivered[key.side, default: []].append(suite)
                        try await onSuite(key.side, suite)
                    }
                }
            }
        } catch let error where error is CancellationError || Task.isCancelled {
            let sent = await metrics.snapshot().requests
            throw CasediffError.interrupted(
                progress:
                    "fetched \(planner.casesFetched) cases in \(planner.suitesDelivered) suites (\(sent) requests)")
        }
        try planner.verifyComplete()

        var summary = await metrics.snapshot()
        summary.cases = planner.casesFetched
        summary.suites = planner.suitesDelivered
        summary.speculative = planner.speculativeRequests
        summary.wastedPages = planner.wastedPages
        summary.duplicates = aggregator.duplicates
        summary.circuitOpenings = await breaker.openings
        summary.finalRatePerMinute = await limiter.requestsPerMinute
        summary.wallTime = clock.now - started
        guard let leftProject = planner.project(.left), let rightProject = planner.project(.right),
            let caseTypes = planner.caseTypes, let priorities = planner.priorities
        else { throw CasediffError.incomplete([]) }
        func data(_ project: Project, _ side: Side) -> ProjectData {
            ProjectData(
                instance: instance, project: project,
                suites: (delivered[side] ?? []).sorted { $0.suite.id < $1.suite.id }, caseTypes: caseTypes,
                priorities: priorities)
        }
        return Output(left: data(leftProject, .left), right: data(rightProject, .right), metrics: summary)
    }

    private static func execute(
        _ unit: WorkUnit, with executor: RequestExecutor
    ) async -> (UnitOutcome, Duration?) {
        let kind = unit.kind
        do {
            let answer = try await executor.perform(unit.endpoint) { data in try Self.decode(kind, data) }
            return (UnitOutcome(unit: unit, result: .success(answer.value)), answer.latency)
        } catch let error as TestRailError {
            return (UnitOutcome(unit: unit, result: .failure(error)), nil)
        } catch {
            return (UnitOutcome(unit: unit, result: .failure(.cancelled)), nil)
        }
    }

    static func decode(_ kind: WorkUnit.Kind, _ data: Data) throws -> UnitPayload {
        switch kind {
        case .project: return .project(try TestRailClient.decodeObject(data))
        case .projectList: return .projects(try Page<Project>.decode(data, itemsKey: "projects"))
        case .caseTypes: return .caseTypes(try TestRailClient.decodeObject(data))
        case .priorities: return .priorities(try TestRailClient.decodeObject(data))
        case .suites: return .suites(try Page<Suite>.decode(data, itemsKey: "suites"))
        case .sections: return .sections(try Page<Section>.decode(data, itemsKey: "sections"))
        case .cases: return .cases(try Page<TestCase>.decode(data, itemsKey: "cases"))
        }
    }
}
