/// A label on a case (TestRail 9.x: `labels: [{id, title, …}]`); labels compare as a set of titles.
public struct CaseLabel: Sendable, Hashable, Codable {
    public var id: Int?
    public var title: String

    public init(id: Int? = nil, title: String) {
        self.id = id
        self.title = title
    }

    enum CodingKeys: String, CodingKey { case id, title, name }

    /// Lenient: the id may come as a string, and one version of TestRail's documentation says `name` for `title`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = (try? container.decodeIfPresent(JSONValue.self, forKey: .id))?.flatMap(\.intValue)
        if let title = try? container.decodeIfPresent(String.self, forKey: .title) {
            self.title = title
        } else {
            title = try container.decode(String.self, forKey: .name)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
    }

    /// A label from a `JSONSerialization` object; nil without a title.
    init?(jsonObject: Any) {
        guard let object = jsonObject as? [String: Any],
            let title = (object["title"] as? String) ?? (object["name"] as? String)
        else { return nil }
        self.init(id: object["id"].flatMap(JSONObjectField.int), title: title)
    }
}
