/// One matched (or unmatched) case in the comparison.
public struct CaseRecord: Sendable, Hashable {
    /// Where a case lives on one side.
    public struct Side: Sendable, Hashable {
        public var id: Int
        public var sectionPath: String

        public init(id: Int, sectionPath: String) {
            self.id = id
            self.sectionPath = sectionPath
        }
    }

    public var status: CaseStatus
    /// The match key (the normalised title).
    public var key: String
    public var left: Side?
    public var right: Side?
    public var changes: [FieldChange]

    public init(status: CaseStatus, key: String, left: Side?, right: Side?, changes: [FieldChange] = []) {
        self.status = status
        self.key = key
        self.left = left
        self.right = right
        self.changes = changes
    }

    /// The order records are listed in: section path, then key, then ids.
    static func precedes(_ a: CaseRecord, _ b: CaseRecord) -> Bool {
        let pathA = a.left?.sectionPath ?? a.right?.sectionPath ?? ""
        let pathB = b.left?.sectionPath ?? b.right?.sectionPath ?? ""
        if pathA != pathB { return pathA < pathB }
        if a.key != b.key { return a.key < b.key }
        let idsA = (a.left?.id ?? 0, a.right?.id ?? 0)
        let idsB = (b.left?.id ?? 0, b.right?.id ?? 0)
        return idsA < idsB
    }
}
