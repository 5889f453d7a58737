import Foundation

/// Where fetched pages persist between runs (the SQLite store; an in-memory fake in tests).
///
/// Every ``save(_:for:fetchedAt:)`` is its own transaction and every ``save(_:)`` batch one, so a run killed at
/// any moment leaves only whole pages.
public protocol PageStore: Sendable {
    /// The page stored under `key`, whatever its age; nil when there is none. Throws ``DamagedPage`` when the
    /// stored copy fails its checksum.
    func page(_ key: PageKey) async throws -> StoredPage?
    func save(_ payload: UnitPayload, for key: PageKey, fetchedAt: Date) async throws
    /// Many pages in one transaction: all of them or none (``PageCache``'s background writer batches what arrives
    /// while it writes).
    func save(_ pages: [(key: PageKey, page: StoredPage)]) async throws
    /// The suites of `instance` whose first case page was stored at or after `since` (a resumed run's candidates).
    func suitesStored(instance: String, since: Date) async throws -> [StoredSuite]
}

extension PageStore {
    /// One page after another, for a store without transactions of its own (an in-memory one): stops at the first
    /// failure.
    public func save(_ pages: [(key: PageKey, page: StoredPage)]) async throws {
        for (key, page) in pages {
            try await save(page.payload, for: key, fetchedAt: page.fetchedAt)
        }
    }
}
