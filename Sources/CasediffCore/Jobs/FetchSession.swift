import Foundation
import TestRailAPI

/// One fetch with casediff's memory around it: it picks the rate (given, learned or guessed), plans with the
/// stored size hints, answers from fresh stored pages, proves an interrupted run's suites against the server now
/// before reusing them, and afterwards records the suites' sizes, any rate learned from 429s, and the run's outcome.
///
/// The store is a cache: when it fails (a full or read-only disk, an I/O error, a store that could not be opened)
/// the run goes on without it and its metrics carry one warning; only `--offline`, which has nothing else, fails.
public struct FetchSession: Sendable {
    public struct Options: Sendable {
        public var controller: FetchController.Configuration
        /// `--rate`; nil uses a learned rate, else the URL's guess.
        public var rate: RateProfile?
        /// Where `rate` came from (`--rate`, `profile 'ci'`), for the statistics line.
        public var rateGivenBy: String?
        /// Hints to plan with; nil uses the store's.
        public var hints: (any SizeHints)?
        public var clock: any EngineClock
        public var store: StoreSettings?
        /// Bring stored suites up to date with `updated_after` instead of fetching them again (``IncrementalRefresh``).
        public var incremental: Bool
        /// Sees every request and the progress of each side (the live display, the request log).
        public var observer: (any FetchObserver)?

        public init(
            controller: FetchController.Configuration = .init(), rate: RateProfile? = nil,
            hints: (any SizeHints)? = nil, clock: any EngineClock = SystemEngineClock(), store: StoreSettings? = nil,
            incremental: Bool = false, observer: (any FetchObserver)? = nil, rateGivenBy: String? = nil
        ) {
            self.rateGivenBy = rateGivenBy
            self.incremental = incremental
            self.observer = observer
            self.controller = controller
            self.rate = rate
            self.hints = hints
            self.clock = clock
            self.store = store
        }
    }

    public struct Outcome: Sendable {
        public var projects: [Side: ProjectData]
        public var metrics: FetchMetrics
        /// The rate in force at the end, and where it came from (``RateChoice/settled(limitPerMinute:statedPerMinute:learned:)``).
        public var rate: RateChoice
        /// True when stored pages of an interrupted run counted as fresh.
        public var resumed: Bool
    }

    public let client: TestRailClient
    public let options: Options

    public init(client: TestRailClient, options: Options) {
        self.client = client
        self.options = options
    }

    var instance: String { client.baseURL.description }

    /// The rate profile this session will use.
    public func rate() async throws -> RateChoice {
        var ignored: String?
        return try await rate(warning: &ignored)
    }

    private func rate(warning: inout String?) async throws -> RateChoice {
        var learned: LearnedRate?
        if options.rate == nil, let store = options.store {
            learned = try await Self.tolerating(store, &warning) {
                try await store.history.learnedRate(instance: instance)
            }
            .flatMap { $0 }
        }
        return RateChoice.resolve(
            given: options.rate, givenBy: options.rateGivenBy, learned: learned,
            guess: RateProfile.guess(for: client.baseURL))
    }

    /// Fetches the projects; with `retainingSuites` false their suites are only handed to `deliver` (as
    /// ``FetchController/run(projects:retainingSuites:deliver:)`` does) and the outcome's projects have none.
    public func run(
        projects: [Side: ProjectReference], retainingSuites: Bool = true,
        deliver: (FetchDelivery) async throws -> Void = { _ in }
    ) async throws -> Outcome {
        var warning: String?
        let rate = try await rate(warning: &warning)
        let store = options.store
        var ticket: RunTicket?
        var cache: PageCache?
        var hints: any SizeHints = options.hints ?? NoSizeHints()
        var stored = FixedSizeHints([:])
        if let store {
            let now = store.now()
            // A run without cases (`--resources`) neither resumes one nor can be resumed: it is left out of the
            // history, so an interrupted full run stays resumable after it.
            if !store.offline, options.controller.fetchCases {
                let subject = projects.keys.sorted().map { "\(projects[$0]!)" }.joined(separator: " vs ")
                ticket = try await Self.tolerating(store, &warning) {
                    try await store.history.beginRun(
                        instance: instance, subject: subject, at: now, resumeWindow: store.resumeWindow)
                }
            }
            let resuming = ticket?.resumesFrom != nil
            let policy = CachePolicy.resolve(
                maxAge: store.maxAge, offline: store.offline, refreshing: options.incremental || resuming, now: now)
            cache = PageCache(store: store.pages, policy: policy, now: store.now)
            if store.offline {
                stored = try await Self.storeCall(store) { try await store.history.sizeHints(instance: instance) }
            } else {
                stored =
                    try await Self.tolerating(store, &warning) {
                        try await store.history.sizeHints(instance: instance)
                    } ?? FixedSizeHints([:])
            }
            if options.hints == nil { hints = stored }
        }
        let limiter = RateLimiter(.init(ceiling: rate.profile.requestsPerMinute), clock: options.clock)
        var refreshed = IncrementalRefresher.Outcome()
        let refreshMetrics = MetricsRecorder()
        // Bringing stored suites up to date fetches cases; a run without them has nothing to bring up to date.
        if let store, let cache, !store.offline, options.controller.fetchCases {
            let suites = try await refreshCandidates(
                projects, hints: stored, resumesFrom: ticket?.resumesFrom, store: store, warning: &warning)
            if !suites.isEmpty {
                let executor = RequestExecutor(
                    client: client, limiter: limiter, breaker: CircuitBreaker(clock: options.clock),
                    policy: options.controller.retry, clock: options.clock, metrics: refreshMetrics,
                    random: { Double.random(in: 0..<1) }, observer: options.observer)
                refreshed = try await IncrementalRefresher(
                    executor: executor, cache: cache, instance: instance,
                    concurrency: options.controller.concurrency,
                    storedSince: options.incremental ? nil : ticket?.resumesFrom
                ).run(suites)
            }
        }
        let controller = FetchController(
            client: client, configuration: options.controller, limiter: limiter, clock: options.clock, hints: hints,
            cache: cache, observer: options.observer)
        do {
            var fetched = try await controller.run(
                projects: projects, retainingSuites: retainingSuites, deliver: deliver)
            let refreshCost = await refreshMetrics.snapshot()
            fetched.metrics.requests += refreshCost.requests
            fetched.metrics.rateLimited += refreshCost.rateLimited
            fetched.metrics.retries += refreshCost.retries
            fetched.metrics.incrementalSuites = refreshed.refreshed
            fetched.metrics.incrementalFallbacks = refreshed.fullFetches
            fetched.metrics.incrementalRequests = refreshCost.requests
            if let store, !store.offline {
                try await remember(
                    fetched.projects, sizes: fetched.sizes, limiter: limiter, store: store, ticket: ticket,
                    warning: &warning)
            }
            var seen: Set<String> = []
            let warnings = [warning, fetched.metrics.storeWarning].compactMap { $0 }.filter { seen.insert($0).inserted }
            fetched.metrics.storeWarning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
            return Outcome(
                projects: fetched.projects, metrics: fetched.metrics, rate: await limiter.settled(rate),
                resumed: ticket?.resumesFrom != nil)
        } catch {
            if let store, let ticket, !Task.isCancelled {
                // A failed run stays resumable; an interrupted one is simply left unfinished.
                try? await store.history.finishRun(ticket, outcome: .failed, at: store.now())
            }
            if let store, !Task.isCancelled {
                try? await saveLearnedRate(limiter, store: store, at: store.now())
            }
            if case CasediffError.notStored(let keys) = error, let store, let cache {
                let damaged = await cache.damaged(among: keys)
                if !damaged.isEmpty {
                    let copies = damaged.count == 1 ? "copy" : "copies"
                    throw CasediffError.store(
                        path: store.location,
                        detail:
                            "the stored \(copies) of \(PageCache.list(damaged)) failed the checksum (damaged); run once without --offline to fetch again"
                    )
                }
            }
            throw error
        }
    }

    /// The stored suites to prove before the fetch: with `--incremental` every suite the size hints know of the
    /// projects named by id; when resuming, every suite the interrupted run stored (of the projects named by id,
    /// or all of them when a project is named by name, whose id the run has yet to learn).
    private func refreshCandidates(
        _ projects: [Side: ProjectReference], hints: FixedSizeHints, resumesFrom: Date?, store: StoreSettings,
        warning: inout String?
    ) async throws -> [(projectID: Int, suiteID: Int)] {
        let ids = projects.values.compactMap { reference -> Int? in
            if case .id(let id) = reference { return id }
            return nil
        }
        var suites: [StoredSuite] = []
        if options.incremental {
            suites += ids.flatMap { projectID in
                (hints.byProject[projectID] ?? []).map { StoredSuite(projectID: projectID, suiteID: $0.suiteID) }
            }
        }
        if let resumesFrom {
            let resumable =
                try await Self.tolerating(store, &warning) {
                    try await store.pages.suitesStored(instance: instance, since: resumesFrom)
                } ?? []
            let anyByName = ids.count < projects.count
            suites += resumable.filter { anyByName || ids.contains($0.projectID) }
        }
        var seen: Set<StoredSuite> = []
        return suites.filter { seen.insert($0).inserted }.map { ($0.projectID, $0.suiteID) }
    }

    /// After a complete fetch: every suite's size (a filtered fetch adds to what is known, a full one replaces
    /// it), the rate learned from 429s, and the run's outcome.
    private func remember(
        _ projects: [Side: ProjectData], sizes bySide: [Side: [SuiteSizeHint]], limiter: RateLimiter,
        store: StoreSettings, ticket: RunTicket?, warning: inout String?
    ) async throws {
        let now = store.now()
        var sizes: [Int: [SuiteSizeHint]] = [:]
        for (side, data) in projects {
            sizes[data.project.id] = (bySide[side] ?? []).sorted { $0.suiteID < $1.suiteID }
        }
        let complete = options.controller.suites.isEmpty
        _ = try await Self.tolerating(store, &warning) {
            // A run without cases knows no suite's size: the sizes known stay.
            if options.controller.fetchCases {
                try await store.history.saveSizes(sizes, instance: instance, complete: complete, at: now)
            }
            try await saveLearnedRate(limiter, store: store, at: now)
            if let ticket {
                try await store.history.finishRun(ticket, outcome: .complete, at: now)
            }
        }
    }

    /// Keeps the limit the limiter learned from a 429, if it learned one.
    private func saveLearnedRate(_ limiter: RateLimiter, store: StoreSettings, at date: Date) async throws {
        guard let learned = await limiter.learnedRequestsPerMinute else { return }
        try await store.history.saveLearnedRate(
            LearnedRate(requestsPerMinute: learned, learnedAt: date), instance: instance)
    }

    /// A store call whose failure is reported as a store error (the store's own errors already are).
    static func storeCall<Value: Sendable>(_ store: StoreSettings, _ body: () async throws -> Value) async throws
        -> Value
    {
        try await CasediffError.guardingStore(path: store.location, body)
    }

    /// A store call the run survives: its failure becomes the run's store warning (the first one only) and nil.
    static func tolerating<Value: Sendable>(
        _ store: StoreSettings, _ warning: inout String?, _ body: () async throws -> Value
    ) async throws -> Value? {
        do {
            return try await storeCall(store, body)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if warning == nil { warning = String(describing: error) }
            return nil
        }
    }
}
