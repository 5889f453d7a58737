/// What happened to a case between the left (baseline) and the right project.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Only in the right project.
    case added
    /// Only in the left project.
    case removed
    /// In both, with at least one compared field different (other than its section or title).
    case changed
    /// In both, in another section (or, across suites, another suite); other fields may differ too.
    case moved
    /// In both, under a near title in the same section (or, matched by id or field, under another title).
    case renamed
    /// In both, every compared field equal.
    case unchanged

    /// The statuses that can count as drift (`--fail-on`); everything but `unchanged`.
    public static let driftKinds: [CaseStatus] = [.added, .removed, .changed, .moved, .renamed]

    /// A pair's status from its changes' kinds: moved over renamed over changed; unchanged without a change.
    static func ofPair(changing kinds: Set<CaseStatus>) -> CaseStatus {
        kinds.contains(.moved) ? .moved : kinds.contains(.renamed) ? .renamed : kinds.isEmpty ? .unchanged : .changed
    }

    /// Listing order: the order of ``allCases``.
    public static func < (lhs: CaseStatus, rhs: CaseStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
