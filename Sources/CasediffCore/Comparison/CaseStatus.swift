/// What happened to a case between the left (baseline) and the right project.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only in the right project.
    case added
    /// Only in the left project.
    case removed
    /// In both, with at least one compared field different.
    case changed
    /// In both, every compared field equal.
    case unchanged
}
