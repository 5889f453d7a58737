import TestRailAPI

/// Project data as JSON (`instance`, `project`, `suites` with `suite`/`sections`/`cases`, `case_types`,
/// `priorities`, and the ``ProjectDefinitions`` keys when known), in TestRail's own shapes: what the golden scenarios under `Fixtures/compare/` are written in.
extension ProjectData: Codable {
    enum CodingKeys: String, CodingKey {
        case instance, project, suites, priorities
        case caseTypes = "case_types"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            instance: try container.decode(String.self, forKey: .instance),
            project: try container.decode(Project.self, forKey: .project),
            suites: try container.decode([SuiteData].self, forKey: .suites),
            caseTypes: try container.decodeIfPresent([CaseType].self, forKey: .caseTypes) ?? [],
            priorities: try container.decodeIfPresent([Priority].self, forKey: .priorities) ?? [],
            definitions: try ProjectDefinitions(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(instance, forKey: .instance)
        try container.encode(project, forKey: .project)
        try container.encode(suites, forKey: .suites)
        try container.encode(caseTypes, forKey: .caseTypes)
        try container.encode(priorities, forKey: .priorities)
        try definitions.encode(to: encoder)
    }
}

extension SuiteData: Codable {
    enum CodingKeys: String, CodingKey { case suite, sections, cases }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            suite: try container.decode(Suite.self, forKey: .suite),
            sections: try container.decode([Section].self, forKey: .sections),
            cases: try container.decode([TestCase].self, forKey: .cases))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(suite, forKey: .suite)
        try container.encode(sections, forKey: .sections)
        try container.encode(cases, forKey: .cases)
    }
}
