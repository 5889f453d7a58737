import Foundation

/// The result of comparing two projects: per-suite comparisons and totals, ready for any renderer.
public struct ComparisonReport: Sendable, Hashable {
    /// One compared project.
    public struct Side: Sendable, Hashable {
        public var instance: String
        public var projectID: Int
        public var projectName: String
        public var suiteMode: Int
        /// Cases compared (deleted ones and suites outside `--suite` left out).
        public var cases: Int
        /// When the snapshot this side was read from was taken; nil for live data.
        public var snapshotTakenAt: Date?
        /// The snapshot file this side was read from, as the user named it; nil for live data.
        public var snapshotFile: String?

        /// The project as the outputs name it: `Storefront (P1)` live, `Storefront (P1) from snapshot shop.json
        /// (as of 2026-11-23 10:00 UTC)` from a file: a snapshot of a project compared with the project itself must
        /// not read "Storefront (P1) with Storefront (P1)".
        public var label: String {
            let project = "\(projectName) (P\(projectID))"
            guard let snapshotFile else { return project }
            let taken = snapshotTakenAt.map { " (as of \(Self.minute($0)) UTC)" } ?? ""
            return "\(project) from snapshot \(snapshotFile)\(taken)"
        }

        /// `2026-11-23 10:00`, in UTC.
        static func minute(_ date: Date) -> String {
            let text = ISO8601DateFormatter.string(
                from: date, timeZone: .gmt, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime])
            return text.replacingOccurrences(of: "T", with: " ").prefix(16).description
        }

        public init(
            instance: String, projectID: Int, projectName: String, suiteMode: Int, cases: Int,
            snapshotTakenAt: Date? = nil, snapshotFile: String? = nil
        ) {
            self.snapshotTakenAt = snapshotTakenAt
            self.snapshotFile = snapshotFile
            self.instance = instance
            self.projectID = projectID
            self.projectName = projectName
            self.suiteMode = suiteMode
            self.cases = cases
        }
    }

    public var left: Side
    public var right: Side
    public var options: ComparisonOptions
    /// Suites in name order.
    public var suites: [SuiteComparison]
    /// Fields the comparison looked at, in the order changes are listed.
    public var comparedFields: [CompareField]
    /// Custom fields only one project has (not compared unless `--fields` names them).
    public var oneSidedFields: [FieldSelection.OneSided]
    /// Keys held by more than one case on a side.
    public var duplicates: [DuplicateKey]
    /// Cases without a match key (`--match field:` with an empty value), per side; paired by title where they can
    /// be (``keylessPairedByTitle``), else removed or added.
    public var keylessLeft: Int
    public var keylessRight: Int
    /// The pairs made by title for keyless cases.
    public var keylessPairedByTitle: Int
    /// What the comparison could not read by meaning and fell back to ids for (a refused `get_users`, an option
    /// id not configured, a snapshot without definitions), one line each.
    public var notes: [String]
    /// The project-wide resources compared (`--resources`: suites, shared step sets, fields, templates), in
    /// listing order; a suite's sections are in its ``SuiteComparison/sections``.
    public var resources: [ResourceComparison]

    public init(
        left: Side, right: Side, options: ComparisonOptions = .init(), suites: [SuiteComparison],
        comparedFields: [CompareField], oneSidedFields: [FieldSelection.OneSided] = [],
        duplicates: [DuplicateKey] = [], keylessLeft: Int = 0, keylessRight: Int = 0, keylessPairedByTitle: Int = 0,
        notes: [String] = [], resources: [ResourceComparison] = []
    ) {
        self.resources = resources
        self.notes = notes
        self.left = left
        self.right = right
        self.options = options
        self.suites = suites
        self.comparedFields = comparedFields
        self.oneSidedFields = oneSidedFields
        self.duplicates = duplicates
        self.keylessLeft = keylessLeft
        self.keylessRight = keylessRight
        self.keylessPairedByTitle = keylessPairedByTitle
    }

    /// The cases' counts.
    public var totals: StatusCounts { suites.reduce(StatusCounts()) { $0 + $1.counts } }

    /// Every compared resource but the cases with its counts and how many each side has, in listing order: the
    /// sections of every suite together, then the project-wide ones.
    public var resourceTotals: [ResourceComparison] {
        var result: [ResourceComparison] = []
        if options.compares(.sections) {
            let sections = suites.compactMap(\.sections)
            result.append(
                ResourceComparison(
                    resource: .sections, left: sections.reduce(0) { $0 + $1.left },
                    right: sections.reduce(0) { $0 + $1.right },
                    counts: sections.reduce(StatusCounts()) { $0 + $1.counts }, records: []))
        }
        return result
            + resources.map {
                var total = $0; total.records = []; return total
            }
    }

    /// How many records count as drift under `--fail-on`, cases and every other resource.
    public var driftCount: Int {
        totals.drift + suites.reduce(0) { $0 + ($1.sections?.counts.drift ?? 0) }
            + resources.reduce(0) { $0 + $1.counts.drift }
    }

    /// Whether anything counts as drift under `--fail-on`: the CI gate's exit 1.
    public var hasDrift: Bool { driftCount > 0 }

    /// `13 cases, 2 sections` — the drift per resource in words; empty when there is none.
    public var driftDescription: String {
        var parts: [String] = []
        func add(_ count: Int, _ resource: ProjectResource) {
            guard count > 0 else { return }
            parts.append("\(count) \(resource.singular)\(count == 1 ? "" : "s")")
        }
        add(totals.drift, .cases)
        for total in resourceTotals { add(total.counts.drift, total.resource) }
        return parts.joined(separator: ", ")
    }
}
