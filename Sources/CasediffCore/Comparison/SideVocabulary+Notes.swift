import TestRailAPI

/// What one side's vocabulary could not put in words, gathered suite by suite (``scan(_:vocabulary:fields:)``):
/// option ids missing from the field's configuration, users, milestones and templates not listed, shared step sets
/// that do not exist — each said once (``notes(side:data:vocabulary:fields:)``), with what the comparison shows
/// instead.
struct UnnamedIDs: Sendable {
    private var options: [String: Set<Int>] = [:]
    private var users = Set<Int>()
    private var milestones = Set<Int>()
    private var templates = Set<Int>()
    private var sharedSets = Set<Int>()

    /// Adds what another part of the side met.
    mutating func merge(_ other: UnnamedIDs) {
        options.merge(other.options) { $0.union($1) }
        users.formUnion(other.users)
        milestones.formUnion(other.milestones)
        templates.formUnion(other.templates)
        sharedSets.formUnion(other.sharedSets)
    }

    /// Takes one suite's live cases, for the fields compared.
    mutating func scan(_ suite: SuiteData, vocabulary: SideVocabulary, fields: [CompareField]) {
        let typed = SideVocabulary.typed(fields, vocabulary)
        let userFields = fields.filter { $0 == .createdBy || $0 == .updatedBy }
        let checkTemplates = fields.contains(.template) && vocabulary.templateNames != nil
        let checkMilestone = fields.contains(.milestone) && vocabulary.milestoneNames != nil
        let checkUsers = vocabulary.userNames != nil
        for testCase in suite.cases where !testCase.isDeleted {
            if checkTemplates, let id = testCase.templateID, vocabulary.templateNames?[id] == nil {
                templates.insert(id)
            }
            if checkMilestone, let id = testCase.milestoneID, vocabulary.milestoneNames?[id] == nil {
                milestones.insert(id)
            }
            if checkUsers {
                for field in userFields {
                    let id = field == .createdBy ? testCase.createdBy : testCase.updatedBy
                    if let id, vocabulary.userNames?[id] == nil { users.insert(id) }
                }
            }
            for (name, type) in typed {
                guard let raw = testCase.customFields[name], raw != .null else { continue }
                switch type {
                case .dropdown, .multiSelect:
                    let choices = vocabulary.fields?[name]?.choices ?? [:]
                    for id in Self.ids(raw) where choices[id] == nil { options[name, default: []].insert(id) }
                case .user where checkUsers:
                    for id in Self.ids(raw) where vocabulary.userNames?[id] == nil { users.insert(id) }
                case .milestone where vocabulary.milestoneNames != nil:
                    for id in Self.ids(raw) where vocabulary.milestoneNames?[id] == nil { milestones.insert(id) }
                case .steps:
                    guard case .array(let steps) = raw else { continue }
                    for case .object(let step) in steps where step.count == 1 {
                        if let id = step["shared_step_id"]?.intValue, vocabulary.sharedSets?[id] == nil {
                            sharedSets.insert(id)
                        }
                    }
                default:
                    continue
                }
            }
        }
    }

    /// The side's notes: its definitions' own, then one line for each kind of id met without a name.
    func notes(side: String, data: ProjectData, vocabulary: SideVocabulary, fields: [CompareField]) -> [String] {
        let who = "\(side) P\(data.project.id)"
        var notes = data.definitions.notes.sorted().map { "\(who): \($0)" }
        if data.takenAt != nil, data.definitions.caseFields == nil {
            notes.append(
                "\(who): the snapshot holds no field definitions (casediff 0.4 or earlier); dropdown, user and "
                    + "milestone values and templates compare as ids: take the snapshot again")
        }
        let typed = SideVocabulary.typed(fields, vocabulary)
        let userFields = fields.filter { $0 == .createdBy || $0 == .updatedBy }
        let comparesUsers = !userFields.isEmpty || typed.contains { $0.type == .user }
        if comparesUsers, vocabulary.userNames == nil, data.definitions.caseFields != nil,
            !data.definitions.notes.contains(where: { $0.contains("users") })
        {
            notes.append("\(who): no user list was fetched, so user fields compare as 'user #id'")
        }
        for (name, ids) in options.sorted(by: { $0.key < $1.key }) {
            notes.append(
                "\(who): \(name) holds option \(Self.list(ids, "id")) its configuration for the project does not "
                    + "define; shown as 'option #\(ids.min()!)'")
        }
        if !users.isEmpty {
            notes.append(
                "\(who): \(Self.list(users, "user id")) not among the users listed (a project's list leaves inactive "
                    + "users out; an administrator's API key lists every user); compared as 'user #\(users.min()!)'")
        }
        if !milestones.isEmpty {
            notes.append("\(who): \(Self.list(milestones, "milestone id")) not among the project's milestones")
        }
        if !templates.isEmpty {
            notes.append("\(who): \(Self.list(templates, "template id")) not among the project's templates")
        }
        if !sharedSets.isEmpty {
            notes.append(
                "\(who): steps refer to shared step \(Self.list(sharedSets, "set")) the project does not have; each reads "
                    + "'[shared step set #\(sharedSets.min()!): not found]'")
        }
        return notes
    }

    private static func ids(_ raw: JSONValue) -> [Int] {
        if case .array(let items) = raw { return items.compactMap(\.intValue) }
        return raw.intValue.map { [$0] } ?? []
    }

    /// `user id 5`, `user ids 5, 8 and 9`, `user ids 5, 8, 9 … (14 in all)`.
    private static func list(_ ids: Set<Int>, _ noun: String) -> String {
        let sorted = ids.sorted()
        if sorted.count == 1 { return "\(noun) \(sorted[0])" }
        if sorted.count <= 5 {
            return "\(noun)s " + sorted.dropLast().map(String.init).joined(separator: ", ") + " and \(sorted.last!)"
        }
        return "\(noun)s " + sorted.prefix(5).map(String.init).joined(separator: ", ") + " … (\(sorted.count) in all)"
    }
}

extension SideVocabulary {
    /// The compared custom fields whose type the side's configuration gives.
    static func typed(_ fields: [CompareField], _ vocabulary: SideVocabulary) -> [(
        name: String, type: CaseField.FieldType
    )] {
        var typed: [(name: String, type: CaseField.FieldType)] = []
        for case .custom(let name) in fields {
            if let type = vocabulary.fields?[name]?.type { typed.append((name, type)) }
        }
        return typed
    }
}
