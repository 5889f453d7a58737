import TestRailAPI

/// The definitions as keys beside a project's other data (snapshots, the golden scenarios): `case_fields`,
/// `templates`, `milestones`, `users`, `shared_steps` in TestRail's own shapes, and `definition_notes`. A key is
/// absent when the list is not known, so a file without them (an older snapshot) reads as "not known".
extension ProjectDefinitions: Codable {
    enum CodingKeys: String, CodingKey {
        case templates, milestones, users
        case caseFields = "case_fields"
        case sharedSteps = "shared_steps"
        case notes = "definition_notes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            caseFields: try container.decodeIfPresent([CaseField].self, forKey: .caseFields),
            templates: try container.decodeIfPresent([Template].self, forKey: .templates),
            milestones: try container.decodeIfPresent([Milestone].self, forKey: .milestones),
            users: try container.decodeIfPresent([User].self, forKey: .users),
            sharedSteps: try container.decodeIfPresent([SharedStepSet].self, forKey: .sharedSteps),
            notes: try container.decodeIfPresent([String].self, forKey: .notes) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(caseFields, forKey: .caseFields)
        try container.encodeIfPresent(templates, forKey: .templates)
        try container.encodeIfPresent(milestones, forKey: .milestones)
        try container.encodeIfPresent(users, forKey: .users)
        try container.encodeIfPresent(sharedSteps, forKey: .sharedSteps)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }
}
