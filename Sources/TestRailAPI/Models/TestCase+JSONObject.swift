import Foundation

extension TestCase: JSONObjectDecodable {
    /// One pass over the object's keys: a case has about twenty, and dictionary lookups per field cost more.
    public init(jsonObject object: [String: Any]) throws {
        var fields = Fields()
        var sawID = false
        var sawTitle = false
        // A number an integer field cannot hold is named in one fixed order, never the dictionary's (which differs
        // from one dictionary to the next): the same page always fails with the same message.
        for key in Self.integerKeys {
            if let value = object[key], value is NSNumber, JSONObjectField.int(value) == nil {
                throw UnholdableNumber(field: key)
            }
        }
        for (key, value) in object {
            switch key {
            case "id":
                guard let number = JSONObjectField.int(value) else { continue }
                fields.id = number
                sawID = true
            case "title":
                guard let text = value as? String else { continue }
                fields.title = text
                sawTitle = true
            case "section_id": fields.sectionID = JSONObjectField.int(value)
            case "suite_id": fields.suiteID = JSONObjectField.int(value)
            case "template_id": fields.templateID = JSONObjectField.int(value)
            case "type_id": fields.typeID = JSONObjectField.int(value)
            case "priority_id": fields.priorityID = JSONObjectField.int(value)
            case "milestone_id": fields.milestoneID = JSONObjectField.int(value)
            case "refs": fields.refs = value as? String
            case "estimate": fields.estimate = value as? String
            case "estimate_forecast": fields.estimateForecast = value as? String
            case "created_by": fields.createdBy = JSONObjectField.int(value)
            case "created_on": fields.createdOn = JSONObjectField.int(value)
            case "updated_by": fields.updatedBy = JSONObjectField.int(value)
            case "updated_on": fields.updatedOn = JSONObjectField.int(value)
            case "display_order": fields.displayOrder = JSONObjectField.int(value)
            case "is_deleted": fields.isDeleted = (value as? NSNumber)?.boolValue ?? false
            case "labels": fields.labels = (value as? [Any]).map { $0.compactMap(CaseLabel.init(jsonObject:)) }
            default:
                if key.hasPrefix("custom_") { fields.customFields[key] = JSONValue(jsonObject: value) }
            }
        }
        guard sawID else { throw TestRailError.malformedResponse("missing field 'id'") }
        guard sawTitle else { throw TestRailError.malformedResponse("missing field 'title'") }
        self.init(fields)
    }

    private static let integerKeys = [
        "id", "section_id", "suite_id", "template_id", "type_id", "priority_id", "milestone_id", "created_by",
        "created_on", "updated_by", "updated_on", "display_order",
    ]
}
