import TestRailAPI

/// One custom field as it applies to one project: its type and, for dropdowns and multi-selects, its choices.
///
/// Built from the configuration ``CaseField/configuration(forProject:)`` picks: the project's own context first,
/// else the global one. Option ids mean something only through these choices.
struct FieldDefinition: Sendable, Hashable {
    var systemName: String
    var type: CaseField.FieldType?
    /// Option id → label, for dropdown and multi-select fields.
    var choices: [Int: String]

    init(systemName: String, type: CaseField.FieldType?, choices: [Int: String] = [:]) {
        self.systemName = systemName
        self.type = type
        self.choices = choices
    }

    /// A dropdown or multi-select option's label; `option #N` for an id the configuration does not define, and
    /// the value as sent when it is no id at all.
    func label(of option: JSONValue) -> JSONValue {
        option.intValue.map { .string(choices[$0] ?? "option #\($0)") } ?? option
    }

    /// The definitions of every active field configured for `projectID`, by system name.
    static func all(_ fields: [CaseField], projectID: Int) -> [String: FieldDefinition] {
        var result: [String: FieldDefinition] = [:]
        for field in fields.sorted(by: { $0.id < $1.id }) where result[field.systemName] == nil {
            guard field.isActive, let configuration = field.configuration(forProject: projectID) else { continue }
            result[field.systemName] = FieldDefinition(
                systemName: field.systemName, type: field.type, choices: configuration.options.choices)
        }
        return result
    }
}
