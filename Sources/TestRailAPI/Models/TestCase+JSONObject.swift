import Foundation

extension TestCase: JSONObjectDecodable {
    /// One pass over the object's keys: a case has about twenty, and dictionary lookups per field cost more.
    public init(jsonObject object: [String: Any]) throws {
        self.init(id: 0, title: "")
        var sawID = false
        var sawTitle = false
        var custom: [String: JSONValue] = [:]
        for (key, value) in object {
            if value is NSNumber, Self.integerKeys.contains(key), JSONObjectField.int(value) == nil {
                throw UnholdableNumber(field: key)
            }
            switch key {
            case "id":
                guard let number = JSONObjectField.int(value) else { continue }
                id = number
                sawID = true
            case "title":
                guard let text = value as? String else { continue }
                title = text
                sawTitle = true
            case "section_id": sectionID = JSONObjectField.int(value)
            case "suite_id": suiteID = JSONObjectField.int(value)
            case "template_id": templateID = JSONObjectField.int(value)
            case "type_id": typeID = JSONObjectField.int(value)
            case "priority_id": priorityID = JSONObjectField.int(value)
            case "milestone_id": milestoneID = JSONObjectField.int(value)
            case "refs": refs = value as? String
            case "estimate": estimate = value as? String
            case "estimate_forecast": estimateForecast = value as? String
            case "created_by": createdBy = JSONObjectField.int(value)
            case "created_on": createdOn = JSONObjectField.int(value)
            case "updated_by": updatedBy = JSONObjectField.int(value)
            case "updated_on": updatedOn = JSONObjectField.int(value)
            case "display_order": displayOrder = JSONObjectField.int(value)
            case "is_deleted": isDeleted = (value as? NSNumber)?.boolValue ?? false
            case "labels": labels = (value as? [Any]).map { $0.compactMap(CaseLabel.init(jsonObject:)) }
            default:
                if key.hasPrefix("custom_") { custom[key] = JSONValue(jsonObject: value) }
            }
        }
        guard sawID else { throw TestRailError.malformedResponse("missing field 'id'") }
        guard sawTitle else { throw TestRailError.malformedResponse("missing field 'title'") }
        customFields = custom
    }

    private static let integerKeys: Set<String> = [
        "id", "section_id", "suite_id", "template_id", "type_id", "priority_id", "milestone_id", "created_by",
        "created_on", "updated_by", "updated_on", "display_order",
    ]
}
