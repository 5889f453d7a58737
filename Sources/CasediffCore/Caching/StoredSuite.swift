/// A suite whose case pages the store holds: a candidate a resumed run proves up to date instead of refetching.
public struct StoredSuite: Sendable, Hashable {
    public var projectID: Int
    public var suiteID: Int

    public init(projectID: Int, suiteID: Int) {
        self.projectID = projectID
        self.suiteID = suiteID
    }
}
