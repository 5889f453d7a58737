/// A node of a suite's section tree; cases hang off sections.
public struct Section: Sendable, Hashable, Codable {
    public var id: Int
    public var suiteID: Int?
    public var name: String
    public var description: String?
    public var parentID: Int?
    public var depth: Int
    public var displayOrder: Int

    public init(
        id: Int, suiteID: Int?, name: String, description: String? = nil, parentID: Int? = nil, depth: Int = 0,
        displayOrder: Int = 0
    ) {
        self.id = id
        self.suiteID = suiteID
        self.name = name
        self.description = description
        self.parentID = parentID
        self.depth = depth
        self.displayOrder = displayOrder
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, depth
        case suiteID = "suite_id"
        case parentID = "parent_id"
        case displayOrder = "display_order"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        suiteID = try container.decodeIfPresent(Int.self, forKey: .suiteID)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        parentID = try container.decodeIfPresent(Int.self, forKey: .parentID)
        depth = try container.decodeIfPresent(Int.self, forKey: .depth) ?? 0
        displayOrder = try container.decodeIfPresent(Int.self, forKey: .displayOrder) ?? 0
    }
}
