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
    /// The suite's sections compared (`--resources sections`), empty ones included; nil when they are not.
    public var sections: ResourceComparison?

    public init(
        name: String, leftSuiteID: Int?, rightSuiteID: Int?, leftCases: Int, rightCases: Int, counts: StatusCounts,
        records: [CaseRecord], sections: ResourceComparison? = nil
    ) {
        self.sections = sections
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

    /// Whether any of its cases or sections is not unchanged.
    public var differsAtAll: Bool { differs || (sections?.differs ?? false) }

    /// The records that are not unchanged.
    public var differences: [CaseRecord] { records.filter { $0.status != .unchanged } }

    /// Its records' drift, cases and sections.
    public var drift: Int { counts.drift + (sections?.counts.drift ?? 0) }
}
