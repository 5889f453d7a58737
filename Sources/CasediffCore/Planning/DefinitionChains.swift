import TestRailAPI

/// The pages of one side's definitions, as the planner proved them whole.
struct DefinitionChains: Sendable {
    struct Users: Sendable {
        /// nil: `get_users` (every user); a side: `get_users/<project>`.
        var side: Side?
        var offsets: [Int]
    }

    var caseFields: [CaseField]?
    var templates: Bool
    var milestones: [Int]?
    var sharedSteps: [Int]?
    var users: Users?
    var notes: [String]

    /// No list known.
    static let none = DefinitionChains(
        caseFields: nil, templates: false, milestones: nil, sharedSteps: nil, users: nil, notes: [])
}
