import Foundation

/// Stands in for a store that could not be opened (a read-only folder, a full disk): every call fails with the
/// reason it could not be opened, so a fetching run goes on without the store and warns once, with that reason.
public struct UnavailableStore: PageStore, FetchHistory {
    public let reason: CasediffError

    public init(reason: CasediffError) {
        self.reason = reason
    }

    public func page(_ key: PageKey) async throws -> StoredPage? { throw reason }
    public func save(_ payload: UnitPayload, for key: PageKey, fetchedAt: Date) async throws { throw reason }
    public func suitesStored(instance: String, since: Date) async throws -> [StoredSuite] { throw reason }
    public func sizeHints(instance: String) async throws -> FixedSizeHints { throw reason }
    public func saveSizes(_ sizes: [Int: [SuiteSizeHint]], instance: String, complete: Bool, at date: Date)
        async throws
    { throw reason }
    public func learnedRate(instance: String) async throws -> LearnedRate? { throw reason }
    public func saveLearnedRate(_ rate: LearnedRate, instance: String) async throws { throw reason }
    public func beginRun(instance: String, subject: String, at date: Date, resumeWindow: Duration) async throws
        -> RunTicket
    { throw reason }
    public func finishRun(_ ticket: RunTicket, outcome: RunOutcome, at date: Date) async throws { throw reason }
}
