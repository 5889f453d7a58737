import Foundation
import OrderedCollections

/// The two-level page cache: a bounded in-memory LRU in front of a ``PageStore``, under one ``CachePolicy``.
///
/// The ``PageSource`` asks it before sending a request and hands it every page it fetches; the counts of hits at each
/// level and of misses go into the run's metrics. While a background writer runs (``withWriter(_:)``) a page saved
/// is only queued, and written with others in one transaction; otherwise it is written at once. The store failing does not fail the run (the pages are already
/// in hand): a read that fails is a miss, a save that fails is skipped, and the first failure is kept for one
/// warning. A stored page that fails its checksum (``DamagedPage``) is a miss too, and is named in that warning
/// (or, offline, in the error).
public actor PageCache {
    public nonisolated let policy: CachePolicy
    let store: any PageStore
    private var memory: LRUState<PageKey, StoredPage>
    private let now: @Sendable () -> Date
    private(set) var counts = CacheCounts()
    private(set) var saveError: String?
    /// Pages whose stored copy failed its checksum, in the order met.
    private(set) var damaged: [PageKey] = []
    /// Pages saved and not yet handed to the writer, in the order saved: lookups see them.
    private var pending: OrderedDictionary<PageKey, StoredPage> = [:]
    /// The batch the writer is writing: lookups see it too.
    private var writing: [PageKey: StoredPage] = [:]
    /// Rung on every save while a background writer runs; nil: a save writes through.
    private var doorbell: WriterDoorbell?

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
        if let page = unwritten(key), policy.isFresh(page.fetchedAt) {
            memory.put(key, page)
            counts.memoryHits += 1
            return page.payload
        }
        if let page = await stored(key), policy.isFresh(page.fetchedAt) {
            memory.put(key, page)
            counts.storeHits += 1
            return page.payload
        }
        counts.misses += 1
        return nil
    }

    /// The store's copy of `key` whatever its age (for ``IncrementalRefresher``); nil when there is none, it is
    /// damaged, or the store fails.
    func stored(_ key: PageKey) async -> StoredPage? {
        if let page = unwritten(key) { return page }
        do {
            return try await store.page(key)
        } catch let error as DamagedPage {
            if !damaged.contains(error.key) { damaged.append(error.key) }
        } catch {
            noteFailure(error)
        }
        return nil
    }

    /// Keeps a page just fetched in the store: queued for the background writer while one runs (lookups find it in
    /// the queue until it is written), else written at once (its own transaction).
    public func save(_ payload: UnitPayload, for key: PageKey) async {
        let fetchedAt = now()
        let page = StoredPage(payload: payload, fetchedAt: fetchedAt)
        // Not kept in the memory LRU: a page just fetched is not asked for again in this run, and keeping the last
        // 512 would hold 128 000 cases a streamed comparison has let go. Until written, lookups find it in the queue.
        if let doorbell {
            pending[key] = page
            doorbell.ring()
            return
        }
        do {
            try await store.save(payload, for: key, fetchedAt: fetchedAt)
            counts.saved += 1
        } catch {
            noteFailure(error)
        }
    }

    /// The counts so far, and one warning line for the store's failures and damaged pages, if any.
    public func report() -> (counts: CacheCounts, saveError: String?) {
        var warnings = saveError.map { [$0] } ?? []
        if !damaged.isEmpty {
            let copies = damaged.count == 1 ? "copy" : "copies"
            warnings.append("the stored \(copies) of \(Self.list(damaged)) failed the checksum; fetched again")
        }
        return (counts, warnings.isEmpty ? nil : warnings.joined(separator: "; "))
    }

    /// The damaged pages among `keys` (what an offline run lacks because its copy is bad).
    func damaged(among keys: [PageKey]) -> [PageKey] {
        damaged.filter(keys.contains)
    }

    /// `cases of S1 (P1) at offset 0`, or the first five and how many more.
    static func list(_ keys: [PageKey]) -> String {
        let shown = keys.prefix(5).map(\.description).joined(separator: "; ")
        return keys.count > 5 ? "\(shown); and \(keys.count - 5) more" : shown
    }

    /// A page saved but not yet in the store.
    private func unwritten(_ key: PageKey) -> StoredPage? {
        pending[key] ?? writing[key]
    }

    // MARK: The background writer (``withWriter(_:)``)

    func attach(_ doorbell: WriterDoorbell) {
        self.doorbell = doorbell
    }

    /// Saves write through again; called once the writer has written everything.
    func detach() {
        doorbell = nil
    }

    /// Everything pending, now being written; empty when nothing is.
    func takeBatch() -> [(key: PageKey, page: StoredPage)] {
        let batch = pending.map { (key: $0.key, page: $0.value) }
        writing = Dictionary(uniqueKeysWithValues: pending.map { ($0.key, $0.value) })
        pending = [:]
        return batch
    }

    /// The batch taken last is written (or failed: the first failure is kept for the warning).
    func batchWritten(_ count: Int, failure: (any Error)?) {
        writing = [:]
        if let failure {
            noteFailure(failure)
        } else {
            counts.saved += count
        }
    }

    private func noteFailure(_ error: any Error) {
        if saveError == nil { saveError = String(describing: error) }
    }
}
