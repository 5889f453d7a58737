/// A TestRail user; user fields compare by email (else name) because ids differ between instances.
public struct User: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var email: String?
    public var isActive: Bool

    public init(id: Int, name: String, email: String? = nil, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.email = email
        self.isActive = isActive
    }

    enum CodingKeys: String, CodingKey {
        case id, name, email
        case isActive = "is_active"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        email = try? container.decodeIfPresent(String.self, forKey: .email)
        name = (try? container.decodeIfPresent(String.self, forKey: .name)) ?? email ?? "user \(id)"
        isActive = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isActive)) ?? true
    }
}
