import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The engine on virtual time: a ``ManualClock``, an in-memory server (``VirtualServer``) and every task on one
/// thread (``VirtualTimeExecutor``). No sockets and no real waiting, so times are asserted exactly.
@Suite struct FetchControllerVirtualTimeTests {
    struct Run: Sendable {
        var clock = ManualClock()
        var server: VirtualServer
        var limit: Int?
        var concurrency = 8
        var speculation = true
        var hints: any SizeHints = NoSizeHints()
        var cache: PageCache?

        init(
            dataset: Dataset = CompareJobTests.dataset, limit: Int? = nil, rejections: [VirtualServer.Rejection] = [],
            latency: @escaping @Sendable (TestRailEndpoint) -> Duration = { _ in .milliseconds(100) }
        ) {
            server = VirtualServer(dataset: dataset, clock: clock, rejections: rejections, latency: latency)
            self.limit = limit
        }

        func controller() throws -> FetchController {
            FetchController(
                client: try server.client(),
                configuration: .init(concurrency: concurrency, speculation: speculation),
                limiter: RateLimiter(.init(ceiling: limit), clock: clock, random: { 0 }), clock: clock, hints: hints,
                cache: cache, random: { 0 })
        }

        /// Fetches projects 1 and 2 on virtual time.
        func fetch(cancelAt: Duration? = nil) async throws -> FetchController.Output {
            let controller = try controller()
            return try await VirtualTimeExecutor.run(clock: clock, cancelAt: cancelAt) {
                try await controller.run(left: .id(1), right: .id(2))
            }
        }

        var sent: [Duration] { server.log.map(\.sentAt).sorted() }
    }

    @Test func aRejectedPageWaitsExactlyItsRetryAfterAndSoDoesEveryoneElse() async throws {
        let run = Run(rejections: [.init(fragments: ["get_cases/1", "suite_id=5", "offset=250"], retryAfterSeconds: 7)])
        let output = try await run.fetch()
        #expect(output.metrics.rateLimited == 1 && output.metrics.retries == 1)
        #expect(output.left.caseCount == 294 && output.right.caseCount == 297)
        let log = run.server.log
        let rejected = try #require(log.first { $0.status == 429 })
        let rejectedAt = try #require(rejected.answeredAt)
        let again = log.filter { $0.call == rejected.call }
        #expect(again.count == 2)
        #expect(again.last?.sentAt == rejectedAt + .seconds(7), "sent again exactly when Retry-After ends")
        let inside = log.filter { $0.sentAt > rejectedAt && $0.sentAt < rejectedAt + .seconds(7) }
        #expect(inside.isEmpty, "sent inside Retry-After: \(inside.map(\.call.apiPath))")
    }

    /// At 60/min with a burst of 4, no request goes before the token bucket allows it, the first ones go exactly on
    /// its schedule, and nothing is spent on speculation: every request is one the floor needs.
    @Test func aRateLimitedRunSpacesItsRequestsAsTheLimiterSays() async throws {
        let run = Run(limit: 60)
        let output = try await run.fetch()
        #expect(output.metrics.speculative == 0 && output.metrics.wastedPages == 0)
        #expect(output.metrics.requests == 24 + 4 + 7 && run.server.log.count == 24 + 4 + 7)
        let sent = run.sent
        // A permit per second after a burst of 4: any j − i + 1 consecutive requests span at least j − i − 3 s.
        for i in sent.indices {
            for j in sent.indices where j > i + 3 {
                #expect(sent[j] - sent[i] >= .seconds(j - i - 3), "requests \(i) and \(j): \(sent[i]), \(sent[j])")
            }
        }
        // Units are always ready at the start: the schedule is the bucket's own.
        #expect(Array(sent.prefix(8)) == [0, 0, 0, 0, 1, 2, 3, 4].map { Duration.seconds($0) })
        #expect(output.metrics.wallTime <= .seconds(35), "one request per second, and the last answer")
    }

    /// Cold, a suite nothing is known of may be long; hinted short suites are known to need one round trip. The
    /// long suites' chains go first: each of their pages goes within two permits (the other long chain may take
    /// one) of the page before it being answered, although the short suites' pages were known, and waiting, all
    /// along. (Bound to units as they were dispatched, a page would wait behind up to seven others in the limiter.)
    @Test func theLongChainGoesAheadOfShortSuitesItsPagesTakingTheNextPermit() async throws {
        let dataset = DatasetGenerator(GeneratorSpec(seed: 3, suites: 9, cases: 6000)).make()
        var run = Run(dataset: dataset, limit: 120, latency: { _ in .seconds(1) })
        // Every suite but the long ones (the first of each project) is hinted at its true size.
        let cold = try await Run(dataset: dataset, latency: { _ in .milliseconds(1) }).fetch()
        var hints: [Int: [SuiteSizeHint]] = [:]
        var long: [Int] = []
        for project in [cold.left, cold.right] {
            let largest = try #require(project.suites.max { $0.cases.count < $1.cases.count })
            long.append(largest.suite.id)
            hints[project.project.id] = project.suites.filter { $0.suite.id != largest.suite.id }.map {
                SuiteSizeHint(suiteID: $0.suite.id, cases: $0.cases.count, sections: $0.sections.count)
            }
        }
        run.hints = FixedSizeHints(hints)
        let output = try await run.fetch()
        #expect(output.left == cold.left && output.right == cold.right)
        let cases = run.server.log.filter { $0.call.method == "get_cases" }
        for suite in long {
            let chain = cases.filter { $0.suiteID == suite }.sorted { $0.offset < $1.offset }
            #expect(chain.count >= 5, "suite \(suite) is long: \(chain.count) pages")
            for (before, page) in zip(chain, chain.dropFirst()) {
                let answered = try #require(before.answeredAt)
                #expect(
                    page.sentAt - answered <= .seconds(1),
                    "page \(page.offset) of suite \(suite) went \(page.sentAt - answered) after the one before")
            }
        }
        let lastLong = try #require(cases.filter { long.contains($0.suiteID ?? 0) }.map(\.sentAt).max())
        let lastShort = try #require(cases.filter { !long.contains($0.suiteID ?? 0) }.map(\.sentAt).max())
        #expect(lastShort > lastLong, "short suites' pages were still waiting when the long chains ended")
    }

    /// R1 of the bench on virtual time — two projects of 18 000 cases, 180/min, pages of 1 s ± 0.3 s, cold: the
    /// longest chains (22 pages) are not what the run waits for. It ends within 2 % of the rate's floor, spends
    /// no request on speculation (the rate binds), and sends no more than the minimum.
    @Test func aColdRateLimitedRunEndsAtTheRateFloor() async throws {
        let dataset = DatasetGenerator(GeneratorSpec(seed: 7, suites: 31, cases: 36_000)).make()
        var run = Run(
            dataset: dataset, limit: 180,
            latency: { call in
                // 1 s ± 0.3 s, by the call: the same every run.
                .milliseconds(700 + call.apiPath.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 1_000_003 } % 601)
            })
        run.speculation = true
        let output = try await run.fetch()
        let requests = run.server.log.count
        #expect(output.metrics.speculative == 0 && output.metrics.wastedPages == 0)
        #expect(requests == 204, "the minimum")
        // 180/min: the floor is the requests at the rate.
        let floor = Duration.milliseconds(requests * 1000 / 3)
        let end = try #require(run.server.log.compactMap(\.answeredAt).max())
        #expect(end <= floor * 1.02, "the last answer came at \(end), the floor is \(floor)")
    }

    /// What was sent and answered when, in order of time.
    static func timeline(_ log: [VirtualServer.Entry]) -> [String] {
        log.map { "\($0.sentAt) \($0.call.apiPath) \($0.answeredAt.map { "\($0)" } ?? "-") \($0.status ?? 0)" }.sorted()
    }

    /// Ctrl-C on virtual time: every page answered before the cancellation is in the store when the run ends.
    @Test func anInterruptedRunHasStoredEveryPageItFetched() async throws {
        let store = MemoryStore()
        var run = Run(latency: { _ in .milliseconds(300) })
        run.cache = PageCache(store: store, policy: CachePolicy())
        await #expect(throws: CasediffError.self) { _ = try await run.fetch(cancelAt: .milliseconds(900)) }
        let instance = try run.server.client().baseURL.description
        let answered = run.server.log.filter { $0.status == 200 }
        #expect(answered.count >= 10 && answered.count < run.server.log.count)
        let stored = Set(await store.pages.keys)
        #expect(stored == Set(answered.map { $0.key(instance: instance) }))
    }

    /// A store that takes 2 s per transaction changes nothing in what is sent or when: the writer batches what
    /// arrives meanwhile, and everything is written before the run returns.
    @Test func aSlowStoreNeitherDelaysNorReordersTheFetch() async throws {
        var fast = Run(limit: 300)
        fast.cache = PageCache(store: MemoryStore(), policy: CachePolicy())
        _ = try await fast.fetch()

        let store = MemoryStore()
        var slow = Run(limit: 300)
        let clock = slow.clock
        await store.delayWrites { try? await clock.sleep(for: .seconds(2)) }
        slow.cache = PageCache(store: store, policy: CachePolicy())
        let output = try await slow.fetch()
        #expect(Self.timeline(slow.server.log) == Self.timeline(fast.server.log))
        let pages = slow.server.log.count
        #expect(await store.pages.count == pages && output.metrics.cache.saved == pages)
        let batches = await store.batches
        #expect(batches.count < pages / 2, "batched: \(batches)")
        #expect(batches.reduce(0, +) == pages)
    }
}
