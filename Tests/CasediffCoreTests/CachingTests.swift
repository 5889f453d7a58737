import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

@Suite struct CachingTests {
    @Test func theLRUKeepsTheMostRecentlyUsed() {
        var lru = LRUState<String, Int>(capacity: 2)
        lru.put("a", 1)
        lru.put("b", 2)
        #expect(lru.get("a") == 1)
        lru.put("c", 3)
        #expect(lru.get("b") == nil && lru.get("a") == 1 && lru.get("c") == 3 && lru.count == 2)
        var none = LRUState<String, Int>(capacity: 0)
        none.put("a", 1)
        #expect(none.get("a") == nil)
    }

    static let now = Date(timeIntervalSince1970: 10_000)

    @Test func thePolicyFollowsItsTable() {
        let plain = CachePolicy.resolve(maxAge: nil, offline: false, now: Self.now)
        #expect(plain.freshSince == nil && !plain.isFresh(Self.now))
        let aged = CachePolicy.resolve(maxAge: .seconds(600), offline: false, now: Self.now)
        #expect(aged.isFresh(Self.now.addingTimeInterval(-600)) && !aged.isFresh(Self.now.addingTimeInterval(-601)))
        // Resumed or incremental: only what this run's refresh saves (plus --max-age) is fresh.
        let refreshing = CachePolicy.resolve(maxAge: nil, offline: false, refreshing: true, now: Self.now)
        #expect(refreshing.isFresh(Self.now) && !refreshing.isFresh(Self.now.addingTimeInterval(-1)))
        let both = CachePolicy.resolve(maxAge: .seconds(60), offline: false, refreshing: true, now: Self.now)
        #expect(both.isFresh(Self.now.addingTimeInterval(-60)) && !both.isFresh(Self.now.addingTimeInterval(-61)))
        let offline = CachePolicy.resolve(maxAge: nil, offline: true, now: Self.now)
        #expect(offline.offline && offline.isFresh(.distantPast))
    }

    @Test func theCacheCountsMemoryAndStoreHitsAndMisses() async throws {
        let store = MemoryStore()
        let key = PageKey(instance: "i", resource: .cases, projectID: 1, suiteID: 2)
        let page = UnitPayload.cases(
            Page(items: [TestCase(id: 1, title: "a")], offset: 0, limit: 250, size: 1, next: nil))
        try await store.save(page, for: key, fetchedAt: Self.now.addingTimeInterval(-30))
        let stale = PageKey(instance: "i", resource: .cases, projectID: 1, suiteID: 3)
        try await store.save(page, for: stale, fetchedAt: Self.now.addingTimeInterval(-3600))

        let cache = PageCache(store: store, policy: CachePolicy(freshSince: Self.now.addingTimeInterval(-60)))
        #expect(await cache.lookup(key) != nil)  // from the store
        #expect(await cache.lookup(key) != nil)  // from memory
        #expect(await cache.lookup(stale) == nil)  // too old
        #expect(await cache.lookup(PageKey(instance: "i", resource: .priorities)) == nil)
        let counts = await cache.report().counts
        #expect(counts.storeHits == 1 && counts.memoryHits == 1 && counts.misses == 2)
        #expect(await store.reads == 3)

        // Without a freshness bound the store is not even read; saving still writes through.
        let writeOnly = PageCache(store: store, policy: CachePolicy(), now: { Self.now })
        #expect(await writeOnly.lookup(key) == nil)
        #expect(await store.reads == 3)
        await writeOnly.save(page, for: stale)
        #expect(await store.pages[stale]?.fetchedAt == Self.now)
    }

    static func casesPage(_ id: Int) -> UnitPayload {
        .cases(Page(items: [TestCase(id: id, title: "c\(id)")], offset: 0, limit: 250, size: 1, next: nil))
    }

    static func key(_ suiteID: Int) -> PageKey {
        PageKey(instance: "i", resource: .cases, projectID: 1, suiteID: suiteID)
    }

    /// While a batch is written, pages saved meanwhile wait (lookups see them) and go together in the next one;
    /// when the block ends every page is written and counted.
    @Test func theWriterBatchesWhatArrivesWhileItWritesAndWritesEverythingBeforeItEnds() async throws {
        let store = MemoryStore()
        let (entered, enter) = AsyncStream<Void>.makeStream()
        let (released, release) = AsyncStream<Void>.makeStream()
        await store.delayWrites {
            enter.yield()
            for await _ in released { break }
        }
        let cache = PageCache(store: store, policy: CachePolicy(freshSince: .distantPast), now: { Self.now })
        try await cache.withWriter {
            await cache.save(Self.casesPage(0), for: Self.key(0))
            for await _ in entered { break }  // the first batch is being written
            for id in 1...4 { await cache.save(Self.casesPage(id), for: Self.key(id)) }
            #expect(await store.pages.count == 0, "nothing is written yet")
            let unwritten = await cache.stored(Self.key(3))?.payload
            guard case .cases(let page)? = unwritten else {
                Issue.record("an unwritten page is not seen")
                return
            }
            #expect(page.items.map(\.id) == [3])
            #expect(await cache.lookup(Self.key(0)) != nil)
            release.finish()
        }
        #expect(await store.batches == [1, 4])
        #expect(await store.pages.count == 5)
        #expect(await cache.report().counts.saved == 5)
        // Without a writer a save writes through, as before.
        await cache.save(Self.casesPage(9), for: Self.key(9))
        #expect(await store.pages[Self.key(9)] != nil)
        #expect(await store.batches == [1, 4], "written through on its own")
    }

    /// Ctrl-C cancels the task: the pages saved before and after are still written before the block ends.
    @Test func anInterruptedBlockStillWritesEveryPageSaved() async throws {
        let store = MemoryStore()
        let cache = PageCache(store: store, policy: CachePolicy())
        let task = Task {
            try await cache.withWriter {
                await cache.save(Self.casesPage(0), for: Self.key(0))
                withUnsafeCurrentTask { $0?.cancel() }
                await cache.save(Self.casesPage(1), for: Self.key(1))
                try Task.checkCancellation()
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(Set(await store.pages.keys) == [Self.key(0), Self.key(1)])
        #expect(await cache.report().counts.saved == 2)
    }

    @Test func aFailingWriterKeepsTheFirstFailureAndCountsNothing() async throws {
        let broken = UnavailableStore(reason: .storeUnavailable(path: "/x/store.sqlite", detail: "the disk is full"))
        let cache = PageCache(store: broken, policy: CachePolicy())
        try await cache.withWriter {
            for id in 0..<3 { await cache.save(Self.casesPage(id), for: Self.key(id)) }
        }
        let report = await cache.report()
        #expect(report.counts.saved == 0 && report.saveError == "store /x/store.sqlite: the disk is full")
    }

    /// The rows of ``WriterDoorbell``'s table.
    @Test func theDoorbellCoalescesRingsAndEndsWhenClosed() async {
        let bell = WriterDoorbell()
        bell.ring()
        bell.ring()
        #expect(await bell.wait())
        bell.ring()
        bell.close()
        #expect(await bell.wait())
        #expect(await bell.wait() == false)
        let idle = WriterDoorbell()
        async let woken = idle.wait()
        idle.close()
        #expect(await woken == false)
    }

    static let durations: [(String, Duration?)] = [
        ("0", .zero), ("45s", .seconds(45)), ("10m", .seconds(600)), ("2h", .seconds(7200)), ("1d", .seconds(86_400)),
        ("90", .seconds(90)), ("", nil), ("m", nil), ("-5m", nil), ("1.5h", nil), ("10 minutes", nil),
    ]

    @Test(arguments: durations)
    func durationsParseAsDocumented(text: String, expected: Duration?) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test func theRateIsGivenThenLearnedThenGuessed() {
        let learned = LearnedRate(requestsPerMinute: 119, learnedAt: Self.now)
        #expect(RateChoice.resolve(given: .enterprise, learned: learned, guess: .cloud).profile == .enterprise)
        let choice = RateChoice.resolve(given: nil, learned: learned, guess: .cloud)
        #expect(choice.profile == .perMinute(119) && choice.description.hasPrefix("119/min (learned"))
        #expect(RateChoice.resolve(given: nil, learned: nil, guess: .cloud).origin == .guessed)
    }

    @Test func aRejectionTeachesTheLimitTheNextRunStartsAt() {
        var state = RateLimiterState(.init(ceiling: 180))
        #expect(state.learnedLimit == nil)
        var now = Duration.zero
        for _ in 0..<120 {
            let ticket = state.reserve(now: now)
            now = max(now, ticket.at)
            guard case .proceed(let sentAt) = state.confirm(ticket, now: now) else { continue }
            state.recordSuccess(sentAt: sentAt, now: now)
        }
        let ticket = state.reserve(now: now)
        guard case .proceed(let sentAt) = state.confirm(ticket, now: ticket.at) else {
            Issue.record("no permit")
            return
        }
        state.recordRejection(sentAt: sentAt, retryAfter: .seconds(20), jitter: .zero, now: ticket.at)
        #expect(state.learnedLimit == 119)
    }

    @Test func aSnapshotRoundTripsByteForByte() throws {
        let file = Golden.fixtures.appendingPathComponent("compare/renames-and-moves/left.json")
        let data = try JSONDecoder().decode(ProjectData.self, from: Data(contentsOf: file))
        let snapshot = ProjectSnapshot(data: data, takenAt: Self.now, toolVersion: "9.9.9")
        let bytes = try snapshot.encoded()
        let back = try ProjectSnapshot.decode(bytes, path: "x.json")
        var expected = data
        expected.takenAt = Self.now
        expected.snapshotFile = "x.json"
        #expect(back.data == expected && back.takenAt == Self.now && back.toolVersion == "9.9.9")
        #expect(try back.encoded() == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"format\" : \"casediff-snapshot\"") && text.contains("\"schema_version\" : 2"))
        #expect(throws: CasediffError.self) { try ProjectSnapshot.decode(Data("[]".utf8), path: "x.json") }
    }

    /// A warm store answers every unit; offline, a cold one names what it lacks.
    @Test func theSessionAnswersFromTheStoreAndOfflineNamesWhatIsMissing() async throws {
        let store = MemoryStore()
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let client = try simulator.demoClient()
            let cold = try await FetchSession(client: client, options: .init(store: await store.settings()))
                .run(projects: [.left: .id(1), .right: .id(2)])
            let sent = await simulator.requestLog().count
            #expect(cold.metrics.cache.saved == sent)
            #expect(await store.sizes[1]?.count == 5)
            #expect(await store.runs.last?.outcome == .complete)

            let warm = try await FetchSession(
                client: client, options: .init(store: await store.settings(maxAge: .seconds(60)))
            ).run(projects: [.left: .id(1), .right: .id(2)])
            #expect(await simulator.requestLog().count == sent)
            #expect(warm.metrics.requests == 0 && warm.projects == cold.projects)
            #expect(warm.metrics.cache.storeHits + warm.metrics.cache.memoryHits == 24 + 4 + 7)

            let empty = MemoryStore()
            await #expect {
                try await FetchSession(client: client, options: .init(store: await empty.settings(offline: true)))
                    .run(projects: [.left: .id(1)])
            } throws: { error in
                String(describing: error).contains("offline: the store holds no copy of project P1")
            }
            #expect(await simulator.requestLog().count == sent)
        }
    }

    /// A store that fails every call (a full disk, a read-only folder) costs the run nothing but one warning.
    @Test func aFailingStoreIsOneWarningNotAFailedRun() async throws {
        let broken = UnavailableStore(reason: .storeUnavailable(path: "/x/store.sqlite", detail: "the disk is full"))
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let client = try simulator.demoClient()
            let projects: [Side: ProjectReference] = [.left: .id(1), .right: .id(2)]
            for maxAge in [nil, Duration.seconds(60)] {
                let settings = StoreSettings(
                    pages: broken, history: broken, location: "/x/store.sqlite", maxAge: maxAge)
                let outcome = try await FetchSession(client: client, options: .init(store: settings))
                    .run(projects: projects)
                let plain = try await FetchSession(client: client, options: .init()).run(projects: projects)
                #expect(outcome.projects == plain.projects)
                #expect(outcome.metrics.storeWarning == "store /x/store.sqlite: the disk is full")
            }
        }
    }
}
