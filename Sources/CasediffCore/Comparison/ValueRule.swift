import TestRailAPI

/// How a field's two values are judged the same, decided once per comparison from the field and each side's
/// field definitions.
///
/// | rule            | fields                                                        | the same when                      |
/// |-----------------|---------------------------------------------------------------|------------------------------------|
/// | `plain`         | title, names (type, priority, template, milestone, dropdown,  | normalised text equal; numbers by  |
/// |                 | user), labels and multi-selects (as sets), string, URL, date  | value; lists of values as sets     |
/// | `markup`        | Text and Steps fields, and custom fields of unknown type      | as `plain`, entities decoded, HTML |
/// |                 |                                                               | tags dropped from HTML values      |
/// | `references`    | `refs`                                                        | the same set of comma-separated    |
/// |                 |                                                               | references, order and spaces aside |
enum ValueRule: Sendable, Hashable {
    case plain
    case markup
    case references

    /// The rule for `field`: a custom field is markup unless both sides that define it say it holds something
    /// else (a String field's `<b>` is literal text).
    static func rule(
        for field: CompareField, left: FieldDefinition?, right: FieldDefinition?
    ) -> ValueRule {
        switch field {
        case .refs: return .references
        case .custom:
            let types = [left, right].compactMap { $0?.type }
            return types.isEmpty || types.contains(where: \.holdsMarkup) ? .markup : .plain
        default: return .plain
        }
    }
}

extension CaseField.FieldType {
    /// Text an editor writes (Markdown, or HTML since TestRail 9.8): Text, Steps and BDD scenarios.
    var holdsMarkup: Bool {
        switch self {
        case .text, .steps, .stepResults, .bddScenarios: return true
        default: return false
        }
    }
}
