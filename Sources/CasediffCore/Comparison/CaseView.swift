import Foundation
import TestRailAPI

/// A case reduced to what the comparison looks at, with instance-specific ids replaced by portable values.
///
/// Type and priority become names and the section becomes a path, because ids differ between a project and its
/// copy. Absent, `null` and empty-string values are the same value ("no value"), so a field cleared one way on one
/// side and another way on the other is not drift.
struct CaseView: Sendable {
    /// The standard fields compared, in listing order; custom fields follow, sorted by name.
    static let standardFields = ["section", "type", "priority", "template", "refs", "estimate"]

    let id: Int
    let key: String
    let sectionPath: String
    let fields: [String: JSONValue]

    init(_ testCase: TestCase, paths: SectionPaths, typeNames: [Int: String], priorityNames: [Int: String]) {
        id = testCase.id
        key = CaseView.normalizedKey(testCase.title)
        sectionPath = paths.path(of: testCase.sectionID)
        var fields: [String: JSONValue] = [:]
        fields["section"] = .string(sectionPath)
        fields["type"] = testCase.typeID.map { .string(typeNames[$0] ?? "type #\($0)") }
        fields["priority"] = testCase.priorityID.map { .string(priorityNames[$0] ?? "priority #\($0)") }
        fields["template"] = testCase.templateID.map { .int(Int64($0)) }
        fields["refs"] = testCase.refs.map(JSONValue.string)
        fields["estimate"] = testCase.estimate.map(JSONValue.string)
        for (name, value) in testCase.customFields {
            fields[name] = value
        }
        self.fields = fields.filter { !CaseView.isEmpty($0.value) }
    }

    /// The match key: the title with surrounding white space removed.
    static func normalizedKey(_ title: String) -> String {
        title.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.isEmpty
        default: return false
        }
    }

    /// The fields that differ, standard fields first, then custom fields by name.
    func changes(to other: CaseView) -> [FieldChange] {
        let custom = Set(fields.keys).union(other.fields.keys).subtracting(CaseView.standardFields).sorted()
        return (CaseView.standardFields + custom).compactMap { name in
            let old = fields[name] ?? .null
            let new = other.fields[name] ?? .null
            return old == new ? nil : FieldChange(field: name, old: old, new: new)
        }
    }
}
