import TestRailAPI

/// One side's ids in words, on its own instance and project: type, priority, template, milestone and user names,
/// each custom field's definition, and its shared step sets.
///
/// Ids mean nothing across instances — a migration renumbers cases, options, users, templates, milestones and
/// shared steps — so every value is compared through this vocabulary (``value(_:of:)``). A list that is not known
/// (an older snapshot, a refused request) leaves those ids as ids; ``ProjectComparator`` then says so.
final class SideVocabulary: Sendable {
    let projectID: Int
    let typeNames: [Int: String]
    let priorityNames: [Int: String]
    let templateNames: [Int: String]?
    let milestoneNames: [Int: String]?
    /// A user as compared and shown: the email, else the name.
    let userNames: [Int: String]?
    let fields: [String: FieldDefinition]?
    let sharedSets: [Int: SharedStepSet]?
    /// Keep attachment ids (`--compare-attachments`) instead of reading every reference as `[attachment]`.
    let compareAttachments: Bool

    init(_ data: ProjectData, compareAttachments: Bool = false) {
        func names<Item>(_ items: [Item]?, _ id: (Item) -> Int, _ name: (Item) -> String) -> [Int: String]? {
            items.map { Dictionary($0.map { (id($0), name($0)) }, uniquingKeysWith: { first, _ in first }) }
        }
        let definitions = data.definitions
        projectID = data.project.id
        typeNames = names(data.caseTypes, \.id, \.name) ?? [:]
        priorityNames = names(data.priorities, \.id, \.name) ?? [:]
        templateNames = names(definitions.templates, \.id, \.name)
        milestoneNames = names(definitions.milestones?.flatMap(\.flattened), \.id, \.name)
        userNames = names(definitions.users, \.id) { user in
            user.email.flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? user.name
        }
        fields = definitions.caseFields.map { FieldDefinition.all($0, projectID: data.project.id) }
        sharedSets = definitions.sharedSteps.map {
            Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.compareAttachments = compareAttachments
    }
}
