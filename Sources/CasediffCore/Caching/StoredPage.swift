import Foundation

/// A page as the store holds it: the decoded answer and when it was fetched.
public struct StoredPage: Sendable {
    public var payload: UnitPayload
    public var fetchedAt: Date

    public init(payload: UnitPayload, fetchedAt: Date) {
        self.payload = payload
        self.fetchedAt = fetchedAt
    }
}
