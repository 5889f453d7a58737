/// One compared case: a matched pair, or a case found on one side only.
public struct CaseRecord: Sendable, Hashable {
    /// Where a case lives on one side and what it is called there.
    public struct Side: Sendable, Hashable {
        public var id: Int
        public var suite: String
        public var sectionPath: String
        /// The title, normalised (white space collapsed, NFC; case kept).
        public var title: String

        public init(id: Int, suite: String, sectionPath: String, title: String) {
            self.id = id
            self.suite = suite
            self.sectionPath = sectionPath
            self.title = title
        }
    }

    public var status: CaseStatus
    /// The match key as compared (see ``MatchKey``); empty for a case without one (`--match field:` only).
    public var key: String
    public var left: Side?
    public var right: Side?
    /// Every differing compared value, in compared-field order.
    public var changes: [FieldChange]
    /// Its key occurs more than once on a side; pairing among such cases is by section path, then similarity.
    public var duplicate: Bool
    /// It counts as drift under `--fail-on`: its status, or one of its changes' kinds, is listed there.
    public var drift: Bool

    public init(
        status: CaseStatus, key: String, left: Side?, right: Side?, changes: [FieldChange] = [],
        duplicate: Bool = false, drift: Bool = false
    ) {
        self.status = status
        self.key = key
        self.left = left
        self.right = right
        self.changes = changes
        self.duplicate = duplicate
        self.drift = drift
    }

    /// The side that names the record: the right one when it exists.
    public var current: Side { right ?? left! }

    /// The drift kinds the record stands for: added/removed, or the kinds of its changes.
    public var kinds: Set<CaseStatus> {
        switch status {
        case .added, .removed: return [status]
        default: return Set(changes.map(\.kind))
        }
    }

    /// The listing order: suite, section path, title, then ids.
    static func precedes(_ a: CaseRecord, _ b: CaseRecord) -> Bool {
        let sideA = a.current
        let sideB = b.current
        if sideA.suite != sideB.suite { return sideA.suite < sideB.suite }
        if sideA.sectionPath != sideB.sectionPath { return sideA.sectionPath < sideB.sectionPath }
        if sideA.title != sideB.title { return sideA.title < sideB.title }
        return (a.left?.id ?? 0, a.right?.id ?? 0) < (b.left?.id ?? 0, b.right?.id ?? 0)
    }
}
