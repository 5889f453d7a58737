/// How two projects are compared: the match key, the scope, normalisation, the fields and what counts as drift.
public struct ComparisonOptions: Sendable, Hashable {
    /// The similarity at and above which an unmatched pair in one section is a rename: titles a few edits apart.
    public static let defaultRenameThreshold = 0.8

    public var match: MatchKey
    /// Match across the whole project instead of within the suite of the same name.
    public var crossSuite: Bool
    /// Suite names to compare (`--suite`); empty compares every suite.
    public var suites: [String]
    /// Fold case in keys and compared text.
    public var ignoreCase: Bool
    /// ``TitleSimilarity`` at or above which an unmatched removed/added pair in one section is `renamed`; 1 is off.
    public var renameThreshold: Double
    public var fields: FieldSelection
    /// What counts as drift for the exit code and the JUnit failures, resource by resource (`--fail-on`).
    public var drift: DriftRule
    /// What is compared (`--resources`): cases and sections unless asked otherwise.
    public var resources: Set<ProjectResource>
    /// Compare attachment ids in text (`--compare-attachments`); by default any reference equals any other.
    public var compareAttachments: Bool

    public init(
        match: MatchKey = .title, crossSuite: Bool = false, suites: [String] = [], ignoreCase: Bool = false,
        renameThreshold: Double = ComparisonOptions.defaultRenameThreshold, fields: FieldSelection = .init(),
        failOn: Set<CaseStatus> = Set(CaseStatus.driftKinds), compareAttachments: Bool = false,
        drift: DriftRule? = nil, resources: Set<ProjectResource> = ProjectResource.defaults
    ) {
        self.resources = resources
        self.drift = drift ?? DriftRule(everyResource: failOn)
        self.compareAttachments = compareAttachments
        self.match = match
        self.crossSuite = crossSuite
        self.suites = suites
        self.ignoreCase = ignoreCase
        self.renameThreshold = renameThreshold
        self.fields = fields
    }

    var detectsRenames: Bool { match.detectsRenames && renameThreshold < 1 }

    /// The kinds that count as drift for cases.
    public var failOn: Set<CaseStatus> { drift[.cases] }

    /// Whether `resource` is compared.
    public func compares(_ resource: ProjectResource) -> Bool { resources.contains(resource) }

    /// `added, removed, …` in listing order, `cases: added; sections: …` when resources differ, or `none`.
    public var failOnDescription: String { drift.description(for: resources) }
}
