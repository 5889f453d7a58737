import Foundation

extension TestCase: JSONObjectDecodable {
    /// One pass over the object's keys: a case has about twenty, and dictionary lookups per field cost more.
    public init(jsonObject object: [String: Any]) throws {
        var id: Int?
        var title: String?
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
        var custom: [String: JSONValue] = [:]
        for (key, value) in object {
            if value is NSNumber, Self.integerKeys.contains(key), JSONObjectField.int(value) == nil {
                throw UnholdableNumber(field: key)
            }
            switch key {
            case "id": if let number = JSONObjectField.int(value) { id = number }
            case "title": if let text = value as? String { title = text }
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
        guard let id else { throw TestRailError.malformedResponse("missing field 'id'") }
        guard let title else { throw TestRailError.malformedResponse("missing field 'title'") }
        // One box for the case (a field set on a built case makes a new one).
        self.init(
            id: id, title: title, sectionID: sectionID, suiteID: suiteID, templateID: templateID, typeID: typeID,
            priorityID: priorityID, milestoneID: milestoneID, refs: refs, estimate: estimate,
            estimateForecast: estimateForecast, createdBy: createdBy, createdOn: createdOn, updatedBy: updatedBy,
            updatedOn: updatedOn, displayOrder: displayOrder, isDeleted: isDeleted, labels: labels,
            customFields: custom)
    }

    private static let integerKeys: Set<String> = [
        "id", "section_id", "suite_id", "template_id", "type_id", "priority_id", "milestone_id", "created_by",
        "created_on", "updated_by", "updated_on", "display_order",
    ]
}
