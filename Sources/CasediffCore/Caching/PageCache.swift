import Foundation

/// The two-level page cache: a bounded in-memory LRU in front of a ``PageStore``, under one ``CachePolicy``.
///
/// The controller asks it before sending a request and hands it every page it fetches; the counts of hits at each
/// level and of misses go into the run's metrics. A store that fails to save does not fail the run (the pages are
/// already in hand); the first such error is kept for a warning.
public actor PageCache {
    public nonisolated let policy: CachePolicy
    private let store: any PageStore
    private var memory: LRUState<PageKey, StoredPage>
    private let now: @Sendable () -> Date
    private(set) var counts = CacheCounts()
    private(set) var saveError: String?

    /// - Parameter now: the wall clock pages are stamped with (injected for tests).
    public init(store: any PageStore, policy: CachePolicy, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.policy = policy
        self.now = now
        memory = LRUState(capacity: policy.memoryPages)
    }

    /// A fresh stored answer for `key`, or nil (a miss).
    public func lookup(_ key: PageKey) async -> UnitPayload? {
        if let page = memory.get(key), policy.isFresh(page.fetchedAt) {
            counts.memoryHits += 1
            return page.payload
        }
        guard policy.freshSince != nil else {
            counts.misses += 1
            return nil
        }
        do {
            if let page = try await store.page(key), policy.isFresh(page.fetchedAt) {
                memory.put(key, page)
                counts.storeHits += 1
                return page.payload
            }
        } catch {
            noteFailure(error)
        }
        counts.misses += 1
        return nil
    }

    /// Keeps a page just fetched, in memory and in the store (its own transaction).
    public func save(_ payload: UnitPayload, for key: PageKey) async {
        let fetchedAt = now()
        memory.put(key, StoredPage(payload: payload, fetchedAt: fetchedAt))
        do {
            try await store.save(payload, for: key, fetchedAt: fetchedAt)
            counts.saved += 1
        } catch {
            noteFailure(error)
        }
    }

    /// The counts so far and the first store error, if any.
    public func report() -> (counts: CacheCounts, saveError: String?) { (counts, saveError) }

    private func noteFailure(_ error: any Error) {
        if saveError == nil { saveError = String(describing: error) }
    }
}

/// How the cache answered: for the metrics line and the JSON diff's `run` block.
public struct CacheCounts: Sendable, Hashable {
    public var memoryHits = 0
    public var storeHits = 0
    public var misses = 0
    public var saved = 0

    public init() {}
}
