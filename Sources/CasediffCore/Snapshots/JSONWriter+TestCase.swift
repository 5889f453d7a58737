import TestRailAPI

extension JSONWriter {
    /// Writes a case as its `Encodable` conformance has `JSONEncoder` write it (sorted keys; the standard fields
    /// always, `null` when absent; `is_deleted` as 0 or 1; `labels` only when sent; every custom field), member by
    /// member: a snapshot's cases are nearly all of its bytes.
    mutating func testCase(_ testCase: TestCase) throws {
        var keys = testCase.labels == nil ? Self.caseKeys : Self.caseKeysWithLabels
        // A custom field under a standard name (never decoded, but `customFields` is the caller's) replaces the
        // standard member, as the encoder's later write of the same key does.
        let shadowing = testCase.customFields.keys.contains { !$0.hasPrefix("custom_") }
        if !testCase.customFields.isEmpty {
            keys += testCase.customFields.keys
            if shadowing { keys = Array(Set(keys)) }
            keys.sort(by: Self.precedes)
        }
        beginObject()
        for name in keys {
            key(name)
            if shadowing, let custom = testCase.customFields[name] {
                try value(custom)
                continue
            }
            switch name {
            case "created_by": int(orNull: testCase.createdBy)
            case "created_on": int(orNull: testCase.createdOn)
            case "display_order": int(orNull: testCase.displayOrder)
            case "estimate": string(orNull: testCase.estimate)
            case "estimate_forecast": string(orNull: testCase.estimateForecast)
            case "id": int(testCase.id)
            case "is_deleted": int(testCase.isDeleted ? 1 : 0)
            case "labels": labels(testCase.labels ?? [])
            case "milestone_id": int(orNull: testCase.milestoneID)
            case "priority_id": int(orNull: testCase.priorityID)
            case "refs": string(orNull: testCase.refs)
            case "section_id": int(orNull: testCase.sectionID)
            case "suite_id": int(orNull: testCase.suiteID)
            case "template_id": int(orNull: testCase.templateID)
            case "title": string(testCase.title)
            case "type_id": int(orNull: testCase.typeID)
            case "updated_by": int(orNull: testCase.updatedBy)
            case "updated_on": int(orNull: testCase.updatedOn)
            default: try value(testCase.customFields[name] ?? .null)
            }
        }
        endObject()
    }

    /// `[{"id" : …, "title" : …}]`, as `CaseLabel` encodes itself (a missing id is `null`).
    private mutating func labels(_ labels: [CaseLabel]) {
        beginArray()
        for label in labels {
            beginObject()
            key("id")
            int(orNull: label.id)
            key("title")
            string(label.title)
            endObject()
        }
        endArray()
    }

    /// The keys `TestCase.encode(to:)` always writes, in `.sortedKeys` order.
    private static let caseKeys = [
        "created_by", "created_on", "display_order", "estimate", "estimate_forecast", "id", "is_deleted",
        "milestone_id", "priority_id", "refs", "section_id", "suite_id", "template_id", "title", "type_id",
        "updated_by", "updated_on",
    ].sorted(by: precedes)

    private static let caseKeysWithLabels = (caseKeys + ["labels"]).sorted(by: precedes)
}
