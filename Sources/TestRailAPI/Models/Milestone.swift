/// A project milestone; compared by name because ids differ between instances.
///
/// `get_milestones` lists sub-milestones flat (with `parent_id`); `get_milestone` nests them under `milestones`.
public struct Milestone: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var projectID: Int?
    public var parentID: Int?
    public var isCompleted: Bool
    /// Sub-milestones, when the answer nests them.
    public var milestones: [Milestone]

    public init(
        id: Int, name: String, projectID: Int? = nil, parentID: Int? = nil, isCompleted: Bool = false,
        milestones: [Milestone] = []
    ) {
        self.id = id
        self.name = name
        self.projectID = projectID
        self.parentID = parentID
        self.isCompleted = isCompleted
        self.milestones = milestones
    }

    enum CodingKeys: String, CodingKey {
        case id, name, milestones
        case projectID = "project_id"
        case parentID = "parent_id"
        case isCompleted = "is_completed"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        projectID = (try? container.decodeIfPresent(JSONValue.self, forKey: .projectID))?.flatMap(\.intValue)
        parentID = (try? container.decodeIfPresent(JSONValue.self, forKey: .parentID))?.flatMap(\.intValue)
        isCompleted = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isCompleted)) ?? false
        milestones = (try? container.decodeIfPresent([Milestone].self, forKey: .milestones)) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(projectID, forKey: .projectID)
        try container.encode(parentID, forKey: .parentID)
        try container.encode(isCompleted, forKey: .isCompleted)
        if !milestones.isEmpty { try container.encode(milestones, forKey: .milestones) }
    }

    /// This milestone and every nested sub-milestone.
    public var flattened: [Milestone] {
        [self] + milestones.flatMap(\.flattened)
    }
}
