/// The comparison of one suite, matched by name across the two projects.
public struct SuiteComparison: Sendable, Hashable {
    public var name: String
    public var leftSuiteID: Int?
    public var rightSuiteID: Int?
    public var leftCases: Int
    public var rightCases: Int
    public var counts: StatusCounts
    /// Every record that is not `unchanged`, in listing order; unchanged cases are only counted.
    public var records: [CaseRecord]

    public init(
        name: String, leftSuiteID: Int?, rightSuiteID: Int?, leftCases: Int, rightCases: Int, counts: StatusCounts,
        records: [CaseRecord]
    ) {
        self.name = name
        self.leftSuiteID = leftSuiteID
        self.rightSuiteID = rightSuiteID
        self.leftCases = leftCases
        self.rightCases = rightCases
        self.counts = counts
        self.records = records
    }
}
