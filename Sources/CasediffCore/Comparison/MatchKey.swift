import Foundation

/// What identifies "the same case" on both sides (`--match`).
public enum MatchKey: Sendable, Hashable, CustomStringConvertible {
    /// The normalised title, within the suite of the same name (the default).
    case title
    /// The section path and the title: a case in another section is another case.
    case path
    /// The value of one field, such as an automation id (`field:custom_automation_id`), and the name the user gave
    /// it (`automation_id`), for messages; cases without a value fall back to their title (``CasePairing``).
    case field(CompareField, typed: String)
    /// The case id: a project against a snapshot of itself.
    case id

    /// Parses `title`, `path`, `id` or `field:<system_name>`; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "title": self = .title
        case "path": self = .path
        case "id": self = .id
        default:
            guard trimmed.hasPrefix("field:") else { return nil }
            let name = trimmed.dropFirst(6).trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            // A bare custom field name (`automation_id`) stands for its system name.
            self = .field(CompareField.named(name).first ?? .custom("custom_" + name), typed: name)
        }
    }

    public var description: String {
        switch self {
        case .title: return "title"
        case .path: return "path"
        case .id: return "id"
        case .field(let field, _): return "field:\(field.name)"
        }
    }

    /// Rename detection applies when the key is the title: other keys pair renamed cases themselves.
    var detectsRenames: Bool {
        switch self {
        case .title, .path: return true
        case .field, .id: return false
        }
    }
}
