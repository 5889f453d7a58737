/// A TestRail test case: the standard fields typed, every `custom_*` field kept as raw JSON.
///
/// Each instance defines its own custom fields, so they cannot be modelled statically; keeping them as `JSONValue`
/// lets the comparison see them and a snapshot reproduce them exactly.
public struct TestCase: Sendable, Hashable {
    /// The fields, stored once: a case is copied into views, suites and records many times, and a copy of a box is
    /// one reference count where a copy of the fields was one per text, list and dictionary.
    private var box: Box
    public var id: Int {
        get { box.fields.id }
        set { modify { $0.id = newValue } }
    }
    public var title: String {
        get { box.fields.title }
        set { modify { $0.title = newValue } }
    }
    public var sectionID: Int? {
        get { box.fields.sectionID }
        set { modify { $0.sectionID = newValue } }
    }
    public var suiteID: Int? {
        get { box.fields.suiteID }
        set { modify { $0.suiteID = newValue } }
    }
    public var templateID: Int? {
        get { box.fields.templateID }
        set { modify { $0.templateID = newValue } }
    }
    public var typeID: Int? {
        get { box.fields.typeID }
        set { modify { $0.typeID = newValue } }
    }
    public var priorityID: Int? {
        get { box.fields.priorityID }
        set { modify { $0.priorityID = newValue } }
    }
    public var milestoneID: Int? {
        get { box.fields.milestoneID }
        set { modify { $0.milestoneID = newValue } }
    }
    public var refs: String? {
        get { box.fields.refs }
        set { modify { $0.refs = newValue } }
    }
    public var estimate: String? {
        get { box.fields.estimate }
        set { modify { $0.estimate = newValue } }
    }
    public var estimateForecast: String? {
        get { box.fields.estimateForecast }
        set { modify { $0.estimateForecast = newValue } }
    }
    public var createdBy: Int? {
        get { box.fields.createdBy }
        set { modify { $0.createdBy = newValue } }
    }
    public var createdOn: Int? {
        get { box.fields.createdOn }
        set { modify { $0.createdOn = newValue } }
    }
    public var updatedBy: Int? {
        get { box.fields.updatedBy }
        set { modify { $0.updatedBy = newValue } }
    }
    public var updatedOn: Int? {
        get { box.fields.updatedOn }
        set { modify { $0.updatedOn = newValue } }
    }
    public var displayOrder: Int? {
        get { box.fields.displayOrder }
        set { modify { $0.displayOrder = newValue } }
    }
    public var isDeleted: Bool {
        get { box.fields.isDeleted }
        set { modify { $0.isDeleted = newValue } }
    }
    /// The case's labels (TestRail 9.x); nil when the server sends none at all (older versions).
    public var labels: [CaseLabel]? {
        get { box.fields.labels }
        set { modify { $0.labels = newValue } }
    }
    /// Every `custom_*` field, keyed by its full system name (`custom_steps_separated`).
    public var customFields: [String: JSONValue] {
        get { box.fields.customFields }
        set { modify { $0.customFields = newValue } }
    }

    public init(
        id: Int, title: String, sectionID: Int? = nil, suiteID: Int? = nil, templateID: Int? = nil,
        typeID: Int? = nil, priorityID: Int? = nil, milestoneID: Int? = nil, refs: String? = nil,
        estimate: String? = nil, estimateForecast: String? = nil, createdBy: Int? = nil, createdOn: Int? = nil,
        updatedBy: Int? = nil, updatedOn: Int? = nil, displayOrder: Int? = nil, isDeleted: Bool = false,
        labels: [CaseLabel]? = nil, customFields: [String: JSONValue] = [:]
    ) {
        box = Box(
            Fields(
                id: id, title: title, sectionID: sectionID, suiteID: suiteID, templateID: templateID, typeID: typeID,
                priorityID: priorityID, milestoneID: milestoneID, refs: refs, estimate: estimate,
                estimateForecast: estimateForecast, createdBy: createdBy, createdOn: createdOn, updatedBy: updatedBy,
                updatedOn: updatedOn, displayOrder: displayOrder, isDeleted: isDeleted, labels: labels,
                customFields: customFields))
    }

    public static func == (lhs: TestCase, rhs: TestCase) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }

    /// A changed field makes a new box: the box is immutable, so shared copies never see the change.
    private mutating func modify(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// A case from fields the decoders filled one by one: one box, however many fields were set.
    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The stored fields. The page decoders fill one member by member (`id` and `title` start empty; they check
    /// that both were sent) and build the case once.
    struct Fields: Sendable, Hashable {
        var id = 0
        var title = ""
        var sectionID: Int?
        var suiteID: Int?
        var templateID: Int?
        var typeID: Int?
        var priorityID: Int?
        var milestoneID: Int?
        var refs: String?
        var estimate: String?
        var estimateForecast: String?
        var createdBy: Int?
        var createdOn: Int?
        var updatedBy: Int?
        var updatedOn: Int?
        var displayOrder: Int?
        var isDeleted = false
        var labels: [CaseLabel]?
        var customFields: [String: JSONValue] = [:]
    }

    private final class Box: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}

extension TestCase: Codable {
    typealias Key = AnyCodingKey

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        // TestRail sends is_deleted as 0/1; accept a boolean too.
        let isDeleted: Bool
        if let flag = try? container.decodeIfPresent(Bool.self, forKey: .isDeleted) {
            isDeleted = flag
        } else {
            let number: Int? = try? container.decodeIfPresent(Int.self, forKey: .isDeleted)
            isDeleted = (number ?? 0) != 0
        }
        var custom: [String: JSONValue] = [:]
        // In name order, so that of two unreadable fields the same one is named on every run.
        let customKeys = container.allKeys.filter { $0.stringValue.hasPrefix("custom_") }
        for key in customKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            custom[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.init(
            id: try container.decode(Int.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            sectionID: try container.decodeIfPresent(Int.self, forKey: .sectionID),
            suiteID: try container.decodeIfPresent(Int.self, forKey: .suiteID),
            templateID: try container.decodeIfPresent(Int.self, forKey: .templateID),
            typeID: try container.decodeIfPresent(Int.self, forKey: .typeID),
            priorityID: try container.decodeIfPresent(Int.self, forKey: .priorityID),
            milestoneID: try container.decodeIfPresent(Int.self, forKey: .milestoneID),
            refs: try container.decodeIfPresent(String.self, forKey: .refs),
            estimate: try container.decodeIfPresent(String.self, forKey: .estimate),
            estimateForecast: try container.decodeIfPresent(String.self, forKey: .estimateForecast),
            createdBy: try container.decodeIfPresent(Int.self, forKey: .createdBy),
            createdOn: try container.decodeIfPresent(Int.self, forKey: .createdOn),
            updatedBy: try container.decodeIfPresent(Int.self, forKey: .updatedBy),
            updatedOn: try container.decodeIfPresent(Int.self, forKey: .updatedOn),
            displayOrder: try container.decodeIfPresent(Int.self, forKey: .displayOrder), isDeleted: isDeleted,
            labels: try? container.decodeIfPresent([CaseLabel].self, forKey: .labels), customFields: custom)
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
