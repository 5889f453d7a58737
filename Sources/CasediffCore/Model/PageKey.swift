import TestRailAPI

/// Names one stored answer independently of how its URL was spelled: a hinted request and the server's own `next`
/// link for the same page share a key.
public struct PageKey: Sendable, Hashable, CustomStringConvertible {
    /// Which list (or single object) the answer belongs to.
    public enum Resource: String, Sendable, Hashable, CaseIterable {
        case project, projects, caseTypes = "case_types", priorities, suites, sections, cases
        case caseFields = "case_fields", templates, milestones, sharedSteps = "shared_steps", users
    }

    /// The instance's root URL (no credentials).
    public var instance: String
    public var resource: Resource
    /// 0 where the resource has no project (case types, priorities, the project list).
    public var projectID: Int
    /// 0 where the resource has no suite.
    public var suiteID: Int
    public var offset: Int

    public init(instance: String, resource: Resource, projectID: Int = 0, suiteID: Int = 0, offset: Int = 0) {
        self.instance = instance
        self.resource = resource
        self.projectID = projectID
        self.suiteID = suiteID
        self.offset = offset
    }

    /// The key of a work unit's answer on `instance`.
    public init(_ unit: WorkUnit, instance: String) {
        let project = unit.endpoint.arguments.first ?? 0
        switch unit.kind {
        case .project:
            self.init(instance: instance, resource: .project, projectID: project)
        case .projectList:
            self.init(instance: instance, resource: .projects, offset: unit.offset)
        case .caseTypes:
            self.init(instance: instance, resource: .caseTypes)
        case .priorities:
            self.init(instance: instance, resource: .priorities)
        case .caseFields:
            self.init(instance: instance, resource: .caseFields)
        case .templates:
            self.init(instance: instance, resource: .templates, projectID: project)
        case .milestones:
            self.init(instance: instance, resource: .milestones, projectID: project, offset: unit.offset)
        case .sharedSteps:
            self.init(instance: instance, resource: .sharedSteps, projectID: project, offset: unit.offset)
        case .users(nil):
            self.init(instance: instance, resource: .users, offset: unit.offset)
        case .users:
            self.init(instance: instance, resource: .users, projectID: project, offset: unit.offset)
        case .suites:
            self.init(instance: instance, resource: .suites, projectID: project, offset: unit.offset)
        case .sections(_, let suiteID):
            self.init(
                instance: instance, resource: .sections, projectID: project, suiteID: suiteID, offset: unit.offset)
        case .cases(_, let suiteID):
            self.init(instance: instance, resource: .cases, projectID: project, suiteID: suiteID, offset: unit.offset)
        }
    }

    /// `P30 S12 cases @500`, for messages about what the store lacks.
    public var description: String {
        switch resource {
        case .project: return "project P\(projectID)"
        case .projects: return "the project list at offset \(offset)"
        case .caseTypes: return "the case types"
        case .priorities: return "the priorities"
        case .caseFields: return "the case fields"
        case .templates: return "the templates of P\(projectID)"
        case .milestones: return "the milestones of P\(projectID) at offset \(offset)"
        case .sharedSteps: return "the shared steps of P\(projectID) at offset \(offset)"
        case .users:
            return projectID == 0
                ? "the users at offset \(offset)" : "the users of P\(projectID) at offset \(offset)"
        case .suites: return "the suites of P\(projectID) at offset \(offset)"
        case .sections: return "sections of S\(suiteID) (P\(projectID)) at offset \(offset)"
        case .cases: return "cases of S\(suiteID) (P\(projectID)) at offset \(offset)"
        }
    }
}
