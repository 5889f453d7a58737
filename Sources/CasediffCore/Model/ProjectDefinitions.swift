import TestRailAPI

/// What gives one project's ids their meaning on its own instance: custom field configurations (dropdown labels,
/// text formats), templates, milestones, users and shared step sets.
///
/// A list is nil when it is not known: a snapshot written before casediff 0.5, a server that refused it (see
/// ``notes``), or users no field needed. The comparison then falls back to ids and says so.
public struct ProjectDefinitions: Sendable, Hashable {
    public var caseFields: [CaseField]?
    public var templates: [Template]?
    public var milestones: [Milestone]?
    public var users: [User]?
    public var sharedSteps: [SharedStepSet]?
    /// What could not be fetched and what the comparison falls back to, said once.
    public var notes: [String]

    public init(
        caseFields: [CaseField]? = nil, templates: [Template]? = nil, milestones: [Milestone]? = nil,
        users: [User]? = nil, sharedSteps: [SharedStepSet]? = nil, notes: [String] = []
    ) {
        self.caseFields = caseFields
        self.templates = templates
        self.milestones = milestones
        self.users = users
        self.sharedSteps = sharedSteps
        self.notes = notes
    }
}
