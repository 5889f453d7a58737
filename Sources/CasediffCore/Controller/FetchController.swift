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
        /// Only these suites are fetched (`--suite`).
        public var suites: SuiteFilter

        public init(
            concurrency: Int = 8, speculation: Bool = true, retry: RetryPolicy = RetryPolicy(),
            suites: SuiteFilter = .init()
        ) {
            self.suites = suites
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
                concurrency: configuration.concurrency, speculation: configuration.speculation, instance: instance,
                suites: configuration.suites),
            hints: hints)
        var aggregator = ResultAggregator()
        var delivered: [Side: [SuiteData]] = [.left: [], .right: []]
        let started = clock.now
        var latencyEstimate = 0.25

        do {
            try await withThrowingTaskGroup(of: ChildResult.self) { group in
                // Requests in flight are bounded; decoding is not: a page decodes while the next request is
                // already on its way, so CPU and network latency overlap.
                var running = 0
                var decoding = 0
                var redo: [(unit: WorkUnit, attempt: Int)] = []
                while true {
                    try Task.checkCancellation()
                    let perMinute = await limiter.requestsPerMinute
                    // The rate binds when fewer requests in flight than we may run would already saturate it.
                    let rateBound =
                        perMinute.map { $0 / 60 * latencyEstimate <= Double(configuration.concurrency) } ?? false
                    while running < configuration.concurrency {
                        let next: (unit: WorkUnit, attempt: Int)
                        if !redo.isEmpty {
                            next = redo.removeFirst()
                        } else if let unit = planner.nextUnit(rateBound: rateBound) {
                            next = (unit, 1)
                        } else {
                            break
                        }
                        group.addTask { await Self.fetch(next.unit, attempt: next.attempt, with: executor) }
                        running += 1
                    }
                    guard running + decoding > 0, let child = try await group.next() else { break }
                    let outcome: UnitOutcome
                    switch child {
                    case .fetched(let unit, let data, let latency, let attempt):
                        running -= 1
                        latencyEstimate = latencyEstimate * 0.8 + latency.inSeconds * 0.2
                        decoding += 1
                        group.addTask { .decoded(unit, Self.decoding(unit.kind, data), attempt: attempt) }
                        continue
                    case .failed(let unit, let error):
                        running -= 1
                        outcome = UnitOutcome(unit: unit, result: .failure(error))
                    case .decoded(let unit, let result, let attempt):
                        decoding -= 1
                        if case .failure(let error) = result, error.isRetryable,
                            attempt < configuration.retry.maxAttempts
                        {
                            // A body cut short: send the request again.
                            await metrics.retried()
                            redo.append((unit, attempt + 1))
                            continue
                        }
                        outcome = UnitOutcome(unit: unit, result: result)
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

    /// What a child task reports: a response body (to decode next), a final failure, or a decoded page.
    enum ChildResult: Sendable {
        case fetched(WorkUnit, Data, latency: Duration, attempt: Int)
        case failed(WorkUnit, TestRailError)
        case decoded(WorkUnit, Result<UnitPayload, TestRailError>, attempt: Int)
    }

    private static func fetch(_ unit: WorkUnit, attempt: Int, with executor: RequestExecutor) async -> ChildResult {
        do {
            let answer = try await executor.perform(unit.endpoint)
            return .fetched(unit, answer.data, latency: answer.latency, attempt: attempt)
        } catch let error as TestRailError {
            return .failed(unit, error)
        } catch {
            return .failed(unit, .cancelled)
        }
    }

    static func decoding(_ kind: WorkUnit.Kind, _ data: Data) -> Result<UnitPayload, TestRailError> {
        do {
            return .success(try decodeUntyped(kind, data))
        } catch let error as TestRailError {
            return .failure(error)
        } catch {
            return .failure(.malformedResponse(String(describing: error)))
        }
    }

    private static func decodeUntyped(_ kind: WorkUnit.Kind, _ data: Data) throws -> UnitPayload {
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
