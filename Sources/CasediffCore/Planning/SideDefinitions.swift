import TestRailAPI

/// What one side's project needs besides its suites to give its ids meaning.
struct SideDefinitions: Sendable {
    var templates: DefinitionSeries
    var milestones: DefinitionSeries
    var sharedSteps: DefinitionSeries
    /// `get_users/<project>`, asked only when `get_users` was refused and the project has user fields.
    var projectUsers: DefinitionSeries?

    init(projectID: Int) {
        templates = DefinitionSeries(base: .getTemplates(projectID: projectID), paged: false)
        milestones = DefinitionSeries(base: .getMilestones(projectID: projectID))
        sharedSteps = DefinitionSeries(base: .getSharedSteps(projectID: projectID))
    }
}
