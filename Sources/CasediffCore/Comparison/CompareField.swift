import Foundation

/// A field the comparison can look at, named by its TestRail system name.
///
/// Every field is compared by meaning (names, labels, paths), because ids differ between a project and its copy.
public enum CompareField: Sendable, Hashable, Comparable, CustomStringConvertible {
    case title, section, type, priority, template, refs, labels, estimate
    case milestone, estimateForecast, displayOrder, id, createdBy, createdOn, updatedBy, updatedOn
    /// A `custom_*` field, by its full system name.
    case custom(String)

    /// Compared unless `--fields` or `--ignore-fields` say otherwise (with every `custom_*` on both sides).
    public static let standard: [CompareField] = [
        .title, .section, .type, .priority, .template, .refs, .labels, .estimate,
    ]
    /// Ids, timestamps, creators and order: compared only when `--fields` names them.
    public static let optional: [CompareField] = [
        .milestone, .estimateForecast, .displayOrder, .id, .createdBy, .createdOn, .updatedBy, .updatedOn,
    ]

    public var name: String {
        switch self {
        case .title: return "title"
        case .section: return "section"
        case .type: return "type"
        case .priority: return "priority"
        case .template: return "template"
        case .refs: return "refs"
        case .labels: return "labels"
        case .estimate: return "estimate"
        case .milestone: return "milestone"
        case .estimateForecast: return "estimate_forecast"
        case .displayOrder: return "display_order"
        case .id: return "id"
        case .createdBy: return "created_by"
        case .createdOn: return "created_on"
        case .updatedBy: return "updated_by"
        case .updatedOn: return "updated_on"
        case .custom(let name): return name
        }
    }

    public var description: String { name }

    /// The drift kind a change of this field stands for: a section change is a move, a title change a rename.
    var changeKind: CaseStatus {
        switch self {
        case .section: return .moved
        case .title: return .renamed
        default: return .changed
        }
    }

    private var rank: Int {
        (Self.standard + Self.optional).firstIndex(of: self) ?? Self.standard.count + Self.optional.count
    }

    public static func < (lhs: CompareField, rhs: CompareField) -> Bool {
        (lhs.rank, lhs.name) < (rhs.rank, rhs.name)
    }

    private static let aliases: [String: [CompareField]] = [
        "preconditions": [.custom("custom_preconds")], "preconds": [.custom("custom_preconds")],
        "steps": [.custom("custom_steps_separated"), .custom("custom_steps")],
        "expected": [.custom("custom_expected")], "section_id": [.section], "section_path": [.section],
        "type_id": [.type], "priority_id": [.priority], "template_id": [.template], "milestone_id": [.milestone],
        "label": [.labels],
    ]

    /// The fields a user's name stands for: a system name, an alias (`preconditions`, `steps`, `expected`), or a
    /// custom field's name without `custom_` when `customFields` holds it; empty when the name is unknown.
    public static func named(_ text: String, customFields: Set<String> = []) -> [CompareField] {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let field = (standard + optional).first(where: { $0.name == name }) { return [field] }
        if let fields = aliases[name] { return fields }
        if name.hasPrefix("custom_"), name.count > 7 { return [.custom(name)] }
        if customFields.contains("custom_" + name) { return [.custom("custom_" + name)] }
        return []
    }
}
