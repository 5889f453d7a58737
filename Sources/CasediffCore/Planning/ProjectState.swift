import TestRailAPI

/// What the planner knows of one side's project: how it was named, once resolved its id and object, and its
/// suite listing.
struct ProjectState: Sendable {
    var reference: ProjectReference
    var projectID: Int?
    var project: Project?
    var listing: PageSeries?
    var listed: [Int: Suite] = [:]
    /// A listing error held until the project's own answer says which error to report.
    var parkedListingError: CasediffError?
}
