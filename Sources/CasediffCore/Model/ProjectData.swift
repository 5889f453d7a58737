import Foundation
import TestRailAPI

/// Everything fetched for one project: its suites, each with its section tree and every case, plus the instance's
/// case types and priorities (needed to compare those fields by name).
public struct ProjectData: Sendable, Hashable {
    /// The instance's root URL, as given (no credentials).
    public var instance: String
    public var project: Project
    public var suites: [SuiteData]
    public var caseTypes: [CaseType]
    public var priorities: [Priority]
    /// Field configurations, templates, milestones, users and shared steps: the project's ids in words.
    public var definitions: ProjectDefinitions
    /// When the data was fetched, for a project read from a snapshot file; nil for live data.
    public var takenAt: Date?
    /// The snapshot file the data was read from, as the user named it; nil for live data.
    public var snapshotFile: String?

    public init(
        instance: String, project: Project, suites: [SuiteData], caseTypes: [CaseType] = [],
        priorities: [Priority] = [], definitions: ProjectDefinitions = .init(), takenAt: Date? = nil
    ) {
        self.takenAt = takenAt
        self.definitions = definitions
        self.instance = instance
        self.project = project
        self.suites = suites
        self.caseTypes = caseTypes
        self.priorities = priorities
    }

    public var caseCount: Int { suites.reduce(0) { $0 + $1.cases.count } }

    /// The project's head: everything but its suites (what a streamed comparison keeps of it).
    public var withoutSuites: ProjectData {
        var head = self
        head.suites = []
        return head
    }
}
