import Foundation

/// `get_case_fields` objects, read leniently: `project_ids` may be null, `configs` an array or (as `add_case_field`
/// answers) a JSON-encoded string, flags booleans or 0/1; written back in TestRail's own names for snapshots.
extension CaseField: Codable {
    enum CodingKeys: String, CodingKey {
        case id, label, name, configs
        case systemName = "system_name"
        case typeID = "type_id"
        case isActive = "is_active"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        systemName = try container.decode(String.self, forKey: .systemName)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? systemName
        typeID = (try? container.decodeIfPresent(Int.self, forKey: .typeID)) ?? 0
        isActive = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isActive)) ?? true
        if let text = try? container.decodeIfPresent(String.self, forKey: .configs) {
            configurations = (try? JSONDecoder().decode([Configuration].self, from: Data(text.utf8))) ?? []
        } else {
            configurations = (try? container.decodeIfPresent([Configuration].self, forKey: .configs)) ?? []
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(systemName, forKey: .systemName)
        try container.encode(label, forKey: .label)
        try container.encode(typeID, forKey: .typeID)
        try container.encode(isActive, forKey: .isActive)
        try container.encode(configurations, forKey: .configs)
    }
}

extension CaseField.Configuration: Codable {
    enum CodingKeys: String, CodingKey { case id, context, options }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try? container.decodeIfPresent(String.self, forKey: .id)
        context =
            (try? container.decodeIfPresent(CaseField.Context.self, forKey: .context))
            ?? CaseField.Context(isGlobal: true)
        options = (try? container.decodeIfPresent(CaseField.Options.self, forKey: .options)) ?? CaseField.Options()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(context, forKey: .context)
        try container.encode(options, forKey: .options)
    }
}

extension CaseField.Context: Codable {
    enum CodingKeys: String, CodingKey {
        case isGlobal = "is_global"
        case projectIDs = "project_ids"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        isGlobal = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isGlobal)) ?? false
        let ids = (try? container.decodeIfPresent([JSONValue].self, forKey: .projectIDs)) ?? []
        projectIDs = ids.compactMap(\.intValue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isGlobal, forKey: .isGlobal)
        try container.encode(projectIDs, forKey: .projectIDs)
    }
}

extension CaseField.Options: Codable {
    enum CodingKeys: String, CodingKey {
        case format, items
        case isRequired = "is_required"
        case hasExpected = "has_expected"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try? container.decodeIfPresent(String.self, forKey: .format)
        items = try? container.decodeIfPresent(String.self, forKey: .items)
        isRequired = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .isRequired)) ?? false
        hasExpected = Lenient.bool(try? container.decodeIfPresent(JSONValue.self, forKey: .hasExpected))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(format, forKey: .format)
        try container.encodeIfPresent(items, forKey: .items)
        try container.encode(isRequired, forKey: .isRequired)
        try container.encodeIfPresent(hasExpected, forKey: .hasExpected)
    }
}

/// Readers for values TestRail sends in more than one shape (a flag as `true` or `1`, an id as `2` or `"2"`).
enum Lenient {
    static func bool(_ value: JSONValue?) -> Bool? {
        switch value {
        case .bool(let flag)?: return flag
        case .int(let number)?: return number != 0
        case .string(let text)?: return ["1", "true"].contains(text.lowercased())
        default: return nil
        }
    }
}
