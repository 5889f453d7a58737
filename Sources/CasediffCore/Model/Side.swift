/// Which project of a comparison: LEFT is the baseline, RIGHT the project compared with it.
public enum Side: String, Sendable, Hashable, CaseIterable, Comparable {
    case left
    case right

    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .left && rhs == .right }
}
