/// A custom case field's definition: its system name (`custom_…`), label and type.
public struct CaseField: Sendable, Hashable, Codable {
    public var id: Int
    public var systemName: String
    public var label: String
    public var typeID: Int
    public var isActive: Bool

    public init(id: Int, systemName: String, label: String, typeID: Int, isActive: Bool = true) {
        self.id = id
        self.systemName = systemName
        self.label = label
        self.typeID = typeID
        self.isActive = isActive
    }

    enum CodingKeys: String, CodingKey {
        case id, label
        case systemName = "system_name"
        case typeID = "type_id"
        case isActive = "is_active"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        systemName = try container.decode(String.self, forKey: .systemName)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? systemName
        typeID = try container.decodeIfPresent(Int.self, forKey: .typeID) ?? 0
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
    }
}
