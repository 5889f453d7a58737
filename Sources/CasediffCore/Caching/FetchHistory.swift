import Foundation

/// What casediff remembers about an instance between runs, besides pages: suite sizes, the rate the server really
/// allows, and the runs themselves (to resume an interrupted one).
public protocol FetchHistory: Sendable {
    /// Every suite's last known size on `instance`, by project.
    func sizeHints(instance: String) async throws -> FixedSizeHints
    /// Records suites' sizes by project; `complete` says each list is the project's every suite (others are
    /// forgotten), else the sizes are added to what is known.
    func saveSizes(_ sizes: [Int: [SuiteSizeHint]], instance: String, complete: Bool, at date: Date) async throws
    /// The limit (requests per minute) the limiter converged to after 429s; nil when none was learned.
    func learnedRate(instance: String) async throws -> LearnedRate?
    func saveLearnedRate(_ rate: LearnedRate, instance: String) async throws
    /// Records the start of a run; says from when stored pages count as fresh because an interrupted run is resumed.
    func beginRun(instance: String, subject: String, at date: Date, resumeWindow: Duration) async throws -> RunTicket
    func finishRun(_ ticket: RunTicket, outcome: RunOutcome, at date: Date) async throws
}

/// A limit learned from a server's 429s.
public struct LearnedRate: Sendable, Hashable {
    public var requestsPerMinute: Int
    public var learnedAt: Date

    public init(requestsPerMinute: Int, learnedAt: Date) {
        self.requestsPerMinute = requestsPerMinute
        self.learnedAt = learnedAt
    }
}

/// A run as the history records it.
public struct RunTicket: Sendable, Hashable {
    public var id: Int64
    /// Pages fetched since this instant count as fresh: the start of the interrupted run being resumed (or of a
    /// chain of them); nil when nothing is resumed.
    public var resumesFrom: Date?

    public init(id: Int64, resumesFrom: Date?) {
        self.id = id
        self.resumesFrom = resumesFrom
    }
}

public enum RunOutcome: String, Sendable, Hashable {
    case complete, failed, interrupted
}
