/// A shared step set (TestRail 7.0+): steps many cases reuse. A case lists its steps inlined (each carrying
/// `shared_step_id`) or, as written by some clients, only `{"shared_step_id": N}`; both mean these steps.
public struct SharedStepSet: Sendable, Hashable, Codable {
    public var id: Int
    public var title: String
    public var projectID: Int?
    /// `custom_steps_separated`: step objects (`content`, `expected`, `additional_info`, `refs`), raw.
    public var steps: [JSONValue]

    public init(id: Int, title: String, projectID: Int? = nil, steps: [JSONValue] = []) {
        self.id = id
        self.title = title
        self.projectID = projectID
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case id, title
        case projectID = "project_id"
        case steps = "custom_steps_separated"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        projectID = (try? container.decodeIfPresent(JSONValue.self, forKey: .projectID))?.flatMap(\.intValue)
        steps = (try? container.decodeIfPresent([JSONValue].self, forKey: .steps)) ?? []
    }
}
