import Foundation

@testable import CasediffCore

/// An in-memory ``PageStore`` and ``FetchHistory`` for engine tests (the SQLite one is tested in its own target).
actor MemoryStore: PageStore, FetchHistory {
    var pages: [PageKey: StoredPage] = [:]
    var sizes: [Int: [SuiteSizeHint]] = [:]
    var rates: [String: LearnedRate] = [:]
    var runs: [(ticket: RunTicket, outcome: RunOutcome?)] = []
    var reads = 0
    /// What ``beginRun(instance:subject:at:resumeWindow:)`` says: the start of an interrupted run to resume.
    var resumesFrom: Date?

    /// The size of each batch written (``save(_:)``), in order.
    var batches: [Int] = []
    /// Awaited before each batch is written: a slow disk.
    var beforeWrite: (@Sendable () async -> Void)?

    func page(_ key: PageKey) async throws -> StoredPage? {
        reads += 1
        return pages[key]
    }

    func save(_ payload: UnitPayload, for key: PageKey, fetchedAt: Date) async throws {
        pages[key] = StoredPage(payload: payload, fetchedAt: fetchedAt)
    }

    func save(_ pages: [(key: PageKey, page: StoredPage)]) async throws {
        await beforeWrite?()
        batches.append(pages.count)
        for (key, page) in pages { self.pages[key] = page }
    }

    func delayWrites(_ delay: @escaping @Sendable () async -> Void) { beforeWrite = delay }

    func suitesStored(instance: String, since: Date) async throws -> [StoredSuite] {
        Set(pages.filter { $0.key.resource == .cases && $0.key.offset == 0 && $0.value.fetchedAt >= since }.keys)
            .map { StoredSuite(projectID: $0.projectID, suiteID: $0.suiteID) }
            .sorted { ($0.projectID, $0.suiteID) < ($1.projectID, $1.suiteID) }
    }

    func resume(from date: Date?) { resumesFrom = date }

    func forget(_ keys: some Sequence<PageKey>) {
        for key in keys { pages[key] = nil }
    }

    func sizeHints(instance: String) async throws -> FixedSizeHints { FixedSizeHints(sizes) }

    func saveSizes(_ sizes: [Int: [SuiteSizeHint]], instance: String, complete: Bool, at date: Date) async throws {
        self.sizes.merge(sizes) { _, new in new }
    }

    func learnedRate(instance: String) async throws -> LearnedRate? { rates[instance] }

    func saveLearnedRate(_ rate: LearnedRate, instance: String) async throws { rates[instance] = rate }

    func beginRun(instance: String, subject: String, at date: Date, resumeWindow: Duration) async throws -> RunTicket {
        let ticket = RunTicket(id: Int64(runs.count + 1), resumesFrom: resumesFrom)
        runs.append((ticket, nil))
        return ticket
    }

    func finishRun(_ ticket: RunTicket, outcome: RunOutcome, at date: Date) async throws {
        if let index = runs.firstIndex(where: { $0.ticket == ticket }) { runs[index].outcome = outcome }
    }

    func settings(maxAge: Duration? = nil, offline: Bool = false, now: @escaping @Sendable () -> Date = { Date() })
        -> StoreSettings
    {
        StoreSettings(pages: self, history: self, location: "memory", maxAge: maxAge, offline: offline, now: now)
    }
}
