/// The comparison of one resource beside the cases: a suite's sections, or the project's suites, shared step sets,
/// fields or templates.
public struct ResourceComparison: Sendable, Hashable {
    public var resource: ProjectResource
    /// How many each side has (within the compared suites, for suites and sections).
    public var left: Int
    public var right: Int
    public var counts: StatusCounts
    /// Every compared one, unchanged ones included, in listing order.
    public var records: [CaseRecord]

    public init(resource: ProjectResource, left: Int, right: Int, counts: StatusCounts, records: [CaseRecord]) {
        self.resource = resource
        self.left = left
        self.right = right
        self.counts = counts
        self.records = records
    }

    /// The records counted, in the order given.
    init(resource: ProjectResource, left: Int, right: Int, records: [CaseRecord]) {
        self.init(
            resource: resource, left: left, right: right,
            counts: records.reduce(into: StatusCounts()) { $0.count($1) }, records: records)
    }

    /// Whether any is not unchanged.
    public var differs: Bool { counts.total > counts.unchanged }

    /// The records that are not unchanged.
    public var differences: [CaseRecord] { records.filter { $0.status != .unchanged } }
}
