import TestRailAPI

extension FetchPlanner {
    /// What a comparison needs before its first suite, once all of it is known: each side's project and every suite
    /// it lists (in id order), the instance's case types and priorities, and the definitions' chains; nil until then.
    func heads() -> PlannerHeads? {
        guard let caseTypes, let priorities, definitionsSettled else { return nil }
        var projects: [Side: Project] = [:]
        var listings: [Side: [Suite]] = [:]
        for side in sides {
            guard let state = self.projects[side], let project = state.project, let listing = state.listing,
                listing.isComplete
            else { return nil }
            projects[side] = project
            listings[side] = state.listed.values.sorted { $0.id < $1.id }
        }
        return PlannerHeads(
            projects: projects, listings: listings, caseTypes: caseTypes, priorities: priorities,
            definitions: Dictionary(uniqueKeysWithValues: sides.map { ($0, definitionChains($0)) }))
    }
}
