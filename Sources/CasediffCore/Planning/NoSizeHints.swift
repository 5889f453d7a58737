/// No hints: every suite is sized from its pages as they arrive.
public struct NoSizeHints: SizeHints {
    public init() {}
    public func suites(instance: String, projectID: Int) -> [SuiteSizeHint]? { nil }
}
