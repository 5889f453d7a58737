/// A case priority; compared by name because ids differ between instances.
public struct Priority: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var shortName: String?
    public var priority: Int
    public var isDefault: Bool

    public init(id: Int, name: String, shortName: String? = nil, priority: Int = 0, isDefault: Bool = false) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.priority = priority
        self.isDefault = isDefault
    }

    enum CodingKeys: String, CodingKey {
        case id, name, priority
        case shortName = "short_name"
        case isDefault = "is_default"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        shortName = try container.decodeIfPresent(String.self, forKey: .shortName)
        priority = try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0
        isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
    }
}
