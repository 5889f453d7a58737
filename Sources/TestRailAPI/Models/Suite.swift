/// A test suite: the unit TestRail pages cases by.
public struct Suite: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var projectID: Int
    public var description: String?
    public var isMaster: Bool
    public var isBaseline: Bool
    public var isCompleted: Bool

    public init(
        id: Int, name: String, projectID: Int, description: String? = nil, isMaster: Bool = false,
        isBaseline: Bool = false, isCompleted: Bool = false
    ) {
        self.id = id
        self.name = name
        self.projectID = projectID
        self.description = description
        self.isMaster = isMaster
        self.isBaseline = isBaseline
        self.isCompleted = isCompleted
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case projectID = "project_id"
        case isMaster = "is_master"
        case isBaseline = "is_baseline"
        case isCompleted = "is_completed"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        projectID = try container.decodeIfPresent(Int.self, forKey: .projectID) ?? 0
        description = try container.decodeIfPresent(String.self, forKey: .description)
        isMaster = try container.decodeIfPresent(Bool.self, forKey: .isMaster) ?? false
        isBaseline = try container.decodeIfPresent(Bool.self, forKey: .isBaseline) ?? false
        isCompleted = try container.decodeIfPresent(Bool.self, forKey: .isCompleted) ?? false
    }
}
