/// Hints held in memory (the benchmark's "with hints" run; tests).
public struct FixedSizeHints: SizeHints {
    public var byProject: [Int: [SuiteSizeHint]]

    public init(_ byProject: [Int: [SuiteSizeHint]]) {
        self.byProject = byProject
    }

    public func suites(instance: String, projectID: Int) -> [SuiteSizeHint]? { byProject[projectID] }
}
