/// A TestRail test case: the standard fields typed, every `custom_*` field kept as raw JSON.
///
/// Each instance defines its own custom fields, so they cannot be modelled statically; keeping them as `JSONValue`
/// lets the comparison see them and a snapshot reproduce them exactly.
public struct TestCase: Sendable, Hashable {
    public var id: Int
    public var title: String
    public var sectionID: Int?
    public var suiteID: Int?
    public var templateID: Int?
    public var typeID: Int?
    public var priorityID: Int?
    public var milestoneID: Int?
    public var refs: String?
    public var estimate: String?
    public var estimateForecast: String?
    public var createdBy: Int?
    public var createdOn: Int?
    public var updatedBy: Int?
    public var updatedOn: Int?
    public var displayOrder: Int?
    public var isDeleted: Bool
    /// The case's labels (TestRail 9.x); nil when the server sends none at all (older versions).
    public var labels: [CaseLabel]?
    /// Every `custom_*` field, keyed by its full system name (`custom_steps_separated`).
    public var customFields: [String: JSONValue]

    public init(
        id: Int, title: String, sectionID: Int? = nil, suiteID: Int? = nil, templateID: Int? = nil,
        typeID: Int? = nil, priorityID: Int? = nil, milestoneID: Int? = nil, refs: String? = nil,
        estimate: String? = nil, estimateForecast: String? = nil, createdBy: Int? = nil, createdOn: Int? = nil,
        updatedBy: Int? = nil, updatedOn: Int? = nil, displayOrder: Int? = nil, isDeleted: Bool = false,
        labels: [CaseLabel]? = nil, customFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.title = title
        self.sectionID = sectionID
        self.suiteID = suiteID
        self.templateID = templateID
        self.typeID = typeID
        self.priorityID = priorityID
        self.milestoneID = milestoneID
        self.refs = refs
        self.estimate = estimate
        self.estimateForecast = estimateForecast
        self.createdBy = createdBy
        self.createdOn = createdOn
        self.updatedBy = updatedBy
        self.updatedOn = updatedOn
        self.displayOrder = displayOrder
        self.isDeleted = isDeleted
        self.labels = labels
        self.customFields = customFields
    }
}

extension TestCase: Codable {
    typealias Key = AnyCodingKey

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.decode(Int.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        sectionID = try container.decodeIfPresent(Int.self, forKey: .sectionID)
        suiteID = try container.decodeIfPresent(Int.self, forKey: .suiteID)
        templateID = try container.decodeIfPresent(Int.self, forKey: .templateID)
        typeID = try container.decodeIfPresent(Int.self, forKey: .typeID)
        priorityID = try container.decodeIfPresent(Int.self, forKey: .priorityID)
        milestoneID = try container.decodeIfPresent(Int.self, forKey: .milestoneID)
        refs = try container.decodeIfPresent(String.self, forKey: .refs)
        estimate = try container.decodeIfPresent(String.self, forKey: .estimate)
        estimateForecast = try container.decodeIfPresent(String.self, forKey: .estimateForecast)
        createdBy = try container.decodeIfPresent(Int.self, forKey: .createdBy)
        createdOn = try container.decodeIfPresent(Int.self, forKey: .createdOn)
        updatedBy = try container.decodeIfPresent(Int.self, forKey: .updatedBy)
        updatedOn = try container.decodeIfPresent(Int.self, forKey: .updatedOn)
        displayOrder = try container.decodeIfPresent(Int.self, forKey: .displayOrder)
        // TestRail sends is_deleted as 0/1; accept a boolean too.
        if let flag = try? container.decodeIfPresent(Bool.self, forKey: .isDeleted) {
            isDeleted = flag
        } else {
            let number: Int? = try? container.decodeIfPresent(Int.self, forKey: .isDeleted)
            isDeleted = (number ?? 0) != 0
        }
        labels = try? container.decodeIfPresent([CaseLabel].self, forKey: .labels)
        var custom: [String: JSONValue] = [:]
        for key in container.allKeys where key.stringValue.hasPrefix("custom_") {
            custom[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        customFields = custom
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(sectionID, forKey: .sectionID)
        try container.encode(suiteID, forKey: .suiteID)
        try container.encode(templateID, forKey: .templateID)
        try container.encode(typeID, forKey: .typeID)
        try container.encode(priorityID, forKey: .priorityID)
        try container.encode(milestoneID, forKey: .milestoneID)
        try container.encode(refs, forKey: .refs)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(estimateForecast, forKey: .estimateForecast)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdOn, forKey: .createdOn)
        try container.encode(updatedBy, forKey: .updatedBy)
        try container.encode(updatedOn, forKey: .updatedOn)
        try container.encode(displayOrder, forKey: .displayOrder)
        try container.encode(isDeleted ? 1 : 0, forKey: .isDeleted)
        try container.encodeIfPresent(labels, forKey: .labels)
        for (name, value) in customFields {
            try container.encode(value, forKey: Key(name))
        }
    }
}

extension AnyCodingKey {
    fileprivate static let id = AnyCodingKey("id")
    fileprivate static let title = AnyCodingKey("title")
    fileprivate static let sectionID = AnyCodingKey("section_id")
    fileprivate static let suiteID = AnyCodingKey("suite_id")
    fileprivate static let templateID = AnyCodingKey("template_id")
    fileprivate static let typeID = AnyCodingKey("type_id")
    fileprivate static let priorityID = AnyCodingKey("priority_id")
    fileprivate static let milestoneID = AnyCodingKey("milestone_id")
    fileprivate static let refs = AnyCodingKey("refs")
    fileprivate static let estimate = AnyCodingKey("estimate")
    fileprivate static let estimateForecast = AnyCodingKey("estimate_forecast")
    fileprivate static let createdBy = AnyCodingKey("created_by")
    fileprivate static let createdOn = AnyCodingKey("created_on")
    fileprivate static let updatedBy = AnyCodingKey("updated_by")
    fileprivate static let updatedOn = AnyCodingKey("updated_on")
    fileprivate static let displayOrder = AnyCodingKey("display_order")
    fileprivate static let isDeleted = AnyCodingKey("is_deleted")
    fileprivate static let labels = AnyCodingKey("labels")
}
