import Foundation

/// A limit learned from a server's 429s.
public struct LearnedRate: Sendable, Hashable {
    public var requestsPerMinute: Int
    public var learnedAt: Date

    public init(requestsPerMinute: Int, learnedAt: Date) {
        self.requestsPerMinute = requestsPerMinute
        self.learnedAt = learnedAt
    }
}
