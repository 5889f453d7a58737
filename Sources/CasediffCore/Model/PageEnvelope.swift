import TestRailAPI

/// A page seen without its items' type: what the planner (``PageShape``), the metrics and the warnings read of any
/// paged answer.
protocol PageEnvelope: Sendable {
    var itemCount: Int { get }
    var limit: Int { get }
    var next: TestRailEndpoint? { get }
    var isLegacy: Bool { get }
    /// Problems repaired while decoding the page, for the user.
    var warnings: [String] { get }
}
