/// The comparison of one suite, matched by name across the two projects.
public struct SuiteComparison: Sendable, Hashable {
    public var name: String
    public var leftSuiteID: Int?
    public var rightSuiteID: Int?
    public var leftCases: Int
    public var rightCases: Int
    public var counts: StatusCounts
    /// Every compared case, unchanged ones included, in listing order (section path, title, ids).
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

    /// Whether any of its cases is not unchanged (known from the counts, with or without the records).
    public var differs: Bool { counts.total > counts.unchanged }

    /// The records that are not unchanged.
    public var differences: [CaseRecord] { records.filter { $0.status != .unchanged } }
}
