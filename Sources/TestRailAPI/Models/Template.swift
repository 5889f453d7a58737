/// A case template (`Test Case (Steps)`, …); compared by name because ids differ between instances.
public struct Template: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var isDefault: Bool

    public init(id: Int, name: String, isDefault: Bool = false) {
        self.id = id
        self.name = name
        self.isDefault = isDefault
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case isDefault = "is_default"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        isDefault = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isDefault)) ?? false
    }
}
