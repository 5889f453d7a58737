/// A source of size hints: the store remembers suites between runs; a run without one plans cold.
///
/// Hints are only advice. Every hinted page is verified — the suite must appear in the project's listing and the
/// last page must end the list — so a stale hint costs requests, never correctness.
public protocol SizeHints: Sendable {
    /// The suites last seen in a project, or nil when nothing is known.
    func suites(instance: String, projectID: Int) -> [SuiteSizeHint]?
}
