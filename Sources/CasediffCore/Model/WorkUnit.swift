import TestRailAPI

/// One request the controller can send: a page of a list, or a single object.
///
/// Units are recursive: a project unit's answer yields suite-listing units, a suite listing yields section and case
/// page units, and a page may yield the next page.
public struct WorkUnit: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// `get_project/<id>` for one side.
        case project(Side)
        /// A page of `get_projects`, to resolve projects named by name.
        case projectList
        case caseTypes
        case priorities
        /// `get_case_fields`: every custom field's per-project configurations, for the instance.
        case caseFields
        /// `get_templates/<project>` for one side.
        case templates(Side)
        /// A page of `get_milestones/<project>` for one side.
        case milestones(Side)
        /// A page of `get_shared_steps/<project>` for one side.
        case sharedSteps(Side)
        /// A page of `get_users` (every user; nil side) or `get_users/<project>` (one side's project).
        case users(Side?)
        /// A page of `get_suites` for one side's project.
        case suites(Side)
        case sections(Side, suiteID: Int)
        case cases(Side, suiteID: Int)
    }

    public var kind: Kind
    public var endpoint: TestRailEndpoint
    /// The page's offset (0 for single objects).
    public var offset: Int
    /// Dispatched ahead of what is known to exist; its answer may be empty.
    public var speculative: Bool

    public init(kind: Kind, endpoint: TestRailEndpoint, offset: Int = 0, speculative: Bool = false) {
        self.kind = kind
        self.endpoint = endpoint
        self.offset = offset
        self.speculative = speculative
    }

    /// The side the unit is for; nil for what the instance answers once for both (case types, priorities, fields,
    /// the project list, every user).
    public var side: Side? {
        switch kind {
        case .project(let side), .templates(let side), .milestones(let side), .sharedSteps(let side),
            .suites(let side), .sections(let side, _), .cases(let side, _):
            return side
        case .users(let side): return side
        case .projectList, .caseTypes, .priorities, .caseFields: return nil
        }
    }

    /// What the unit asks for, whatever the instance: every name the unit is given derives from it.
    public var key: PageKey { PageKey(self, instance: "") }

    /// A short id naming the unit in the request log, e.g. `p30/s12/o500` (``PageKey/label``).
    public var label: String { key.label }

    public var description: String { label }
}
