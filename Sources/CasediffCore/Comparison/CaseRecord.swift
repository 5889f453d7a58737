/// One compared case, or one compared resource beside the cases (``resource``): a matched pair, or one found on one
/// side only.
///
/// A resource's sides read as a case's do: a section's `sectionPath` is its parent's path and its `title` its name;
/// a suite, shared step set, field (system name) or template has its name as `title` and an empty `sectionPath`.
public struct CaseRecord: Sendable, Hashable {
    /// Where a case lives on one side and what it is called there.
    public struct Side: Sendable, Hashable {
        public var id: Int
        public var suite: String
        public var sectionPath: String
        /// The title, normalised (white space collapsed, NFC; case kept).
        public var title: String

        /// The section path and the title as one path: a section record's full path (`Cart > Coupons`).
        public var path: String { sectionPath.isEmpty ? title : sectionPath + SectionPaths.separator + title }

        public init(id: Int, suite: String, sectionPath: String, title: String) {
            self.id = id
            self.suite = suite
            self.sectionPath = sectionPath
            self.title = title
        }
    }

    /// What the record compares: a case unless said otherwise.
    public var resource: ProjectResource = .cases
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
        duplicate: Bool = false, drift: Bool = false, resource: ProjectResource = .cases
    ) {
        self.resource = resource
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

    /// The records in listing order: suite, section path, title, then ids.
    ///
    /// Sorts light keys rather than the records themselves: moving and reading whole records costs reference
    /// counting on every comparison (it was half the comparison's time at 100 000 cases).
    static func sorted(_ records: [CaseRecord]) -> [CaseRecord] {
        struct Key {
            var suite: String
            var place: String
            var title: String
            var left: Int
            var right: Int
            var index: Int
        }
        var keys = records.indices.map { index in
            let record = records[index]
            let side = record.right ?? record.left!
            return Key(
                suite: side.suite, place: side.sectionPath, title: side.title, left: record.left?.id ?? 0,
                right: record.right?.id ?? 0, index: index)
        }
        keys.sort { a, b in
            if a.suite != b.suite { return a.suite < b.suite }
            if a.place != b.place { return a.place < b.place }
            if a.title != b.title { return a.title < b.title }
            return (a.left, a.right) < (b.left, b.right)
        }
        return keys.map { records[$0.index] }
    }
}
