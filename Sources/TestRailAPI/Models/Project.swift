/// A TestRail project; `suiteMode` decides whether `get_cases` needs a `suite_id`.
public struct Project: Sendable, Hashable, Codable {
    /// TestRail's three suite modes.
    public enum SuiteMode: Int, Sendable, Hashable, Codable {
        /// One implicit "Master" suite; `suite_id` is optional.
        case singleSuite = 1
        /// One suite plus baselines; `suite_id` is required.
        case singleSuiteWithBaselines = 2
        /// Any number of suites; `suite_id` is required.
        case multipleSuites = 3
    }

    public var id: Int
    public var name: String
    public var suiteMode: SuiteMode
    public var isCompleted: Bool
    public var announcement: String?
    public var url: String?

    public init(
        id: Int, name: String, suiteMode: SuiteMode, isCompleted: Bool = false, announcement: String? = nil,
        url: String? = nil
    ) {
        self.id = id
        self.name = name
        self.suiteMode = suiteMode
        self.isCompleted = isCompleted
        self.announcement = announcement
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case id, name, announcement, url
        case suiteMode = "suite_mode"
        case isCompleted = "is_completed"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        let mode = try container.decodeIfPresent(Int.self, forKey: .suiteMode) ?? 1
        suiteMode = SuiteMode(rawValue: mode) ?? .multipleSuites
        isCompleted = try container.decodeIfPresent(Bool.self, forKey: .isCompleted) ?? false
        announcement = try container.decodeIfPresent(String.self, forKey: .announcement)
        url = try container.decodeIfPresent(String.self, forKey: .url)
    }
}
