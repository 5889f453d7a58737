import TestRailAPI

/// Names one answer independently of how its URL was spelled: a hinted request and the server's own `next` link for
/// the same page share a key.
///
/// It is also the one description of a work unit: ``WorkUnit`` maps its kind to a key once (``init(_:instance:)``),
/// and every name a unit is given derives from the key's parts:
///
/// | resource  | ``label`` (request log)    | ``description`` (messages)         | ``activity`` (error context)        |
/// |-----------|----------------------------|------------------------------------|-------------------------------------|
/// | project   | `p30`                      | `project P30`                      | `reading project P30`               |
/// | projects  | `projects/o0`              | `the projects at offset 0`         | `listing the projects`              |
/// | suites    | `p30/suites/o0`            | `the suites of P30 at offset 0`    | `listing the suites of P30`         |
/// | cases     | `p30/s12/o500`             | `cases of S12 (P30) at offset 500` | `fetching cases of S12 (P30)`       |
/// | users     | `users/o0`, `p30/users/o0` | `the users of P30 at offset 0`     | `listing the users of P30`          |
public struct PageKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Which list (or single object) the answer belongs to. The raw values are stored: never change them.
    public enum Resource: String, Sendable, Hashable, CaseIterable {
        case project, projects, caseTypes = "case_types", priorities, suites, sections, cases
        case caseFields = "case_fields", templates, milestones, sharedSteps = "shared_steps", users

        /// Answered a page at a time (`offset`/`limit`), as opposed to a single object or a bare list.
        public var isPaged: Bool {
            switch self {
            case .projects, .suites, .sections, .cases, .milestones, .sharedSteps, .users: return true
            case .project, .caseTypes, .priorities, .caseFields, .templates: return false
            }
        }

        /// The key a paged list's items come under in TestRail's envelope (`{"offset": 0, …, "cases": […]}`).
        public var itemsKey: String { rawValue }
    }

    /// The instance's root URL (no credentials); empty where a key only describes a unit.
    public var instance: String
    public var resource: Resource
    /// 0 where the resource has no project (case types, priorities, the project list, every user).
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

    /// The key of a work unit's answer on `instance`: the one place a unit's kind is mapped to what it asks for.
    public init(_ unit: WorkUnit, instance: String) {
        let resource: Resource
        var suiteID = 0
        switch unit.kind {
        case .project: resource = .project
        case .projectList: resource = .projects
        case .caseTypes: resource = .caseTypes
        case .priorities: resource = .priorities
        case .caseFields: resource = .caseFields
        case .templates: resource = .templates
        case .milestones: resource = .milestones
        case .sharedSteps: resource = .sharedSteps
        case .users: resource = .users
        case .suites: resource = .suites
        case .sections(_, let suite):
            resource = .sections
            suiteID = suite
        case .cases(_, let suite):
            resource = .cases
            suiteID = suite
        }
        self.init(
            instance: instance, resource: resource, projectID: unit.endpoint.arguments.first ?? 0, suiteID: suiteID,
            offset: resource.isPaged ? unit.offset : 0)
    }

    /// What the answer holds, without its offset: `cases of S12 (P30)`, `the templates of P30`.
    public var subject: String {
        let project = "P\(projectID)"
        switch resource {
        case .project: return "project \(project)"
        case .projects: return "the projects"
        case .caseTypes: return "the case types"
        case .priorities: return "the priorities"
        case .caseFields: return "the case fields"
        case .templates: return "the templates of \(project)"
        case .milestones: return "the milestones of \(project)"
        case .sharedSteps: return "the shared steps of \(project)"
        case .users: return projectID == 0 ? "the users" : "the users of \(project)"
        case .suites: return "the suites of \(project)"
        case .sections: return "sections of S\(suiteID) (\(project))"
        case .cases: return "cases of S\(suiteID) (\(project))"
        }
    }

    /// `cases of S12 (P30) at offset 500`: which answer, for messages about a page (what failed, what the store
    /// lacks).
    public var description: String {
        resource.isPaged ? "\(subject) at offset \(offset)" : subject
    }

    /// What casediff was doing when asking for it, the context of a request's error: `fetching cases of S12 (P30)`.
    public var activity: String {
        switch resource {
        case .project, .caseTypes, .priorities, .caseFields, .templates: return "reading \(subject)"
        case .projects, .suites, .milestones, .sharedSteps, .users: return "listing \(subject)"
        case .sections, .cases: return "fetching \(subject)"
        }
    }

    /// A short id for the request log: `p30/s12/o500` (project 30, suite 12, cases at offset 500).
    public var label: String { label(marking: nil) }

    /// The label with a word that says how the list was asked for, before the offset: `p30/s12/delta/o0` is a page
    /// of the `updated_after` delta of those cases.
    public func label(marking qualifier: String?) -> String {
        var parts: [String] = []
        if projectID != 0 { parts.append("p\(projectID)") }
        if suiteID != 0 { parts.append("s\(suiteID)") }
        switch resource {
        case .project, .cases: break
        case .caseTypes: parts.append("case-types")
        case .caseFields: parts.append("case-fields")
        case .sharedSteps: parts.append("shared-steps")
        default: parts.append(resource.rawValue)
        }
        if let qualifier { parts.append(qualifier) }
        if resource.isPaged { parts.append("o\(offset)") }
        return parts.joined(separator: "/")
    }

    /// The order messages list pages in, whatever their wording: by instance, then each project's own pages (the
    /// project, its lists, then suite by suite) before the instance-wide lists, each in the resources' declared order
    /// and by offset.
    public static func < (lhs: PageKey, rhs: PageKey) -> Bool {
        lhs.order < rhs.order
    }

    private var order: (String, Int, Int, Int, Int) {
        (
            instance, projectID == 0 ? Int.max : projectID, suiteID,
            Resource.allCases.firstIndex(of: resource) ?? 0, offset
        )
    }
}
