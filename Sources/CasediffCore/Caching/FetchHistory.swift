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
