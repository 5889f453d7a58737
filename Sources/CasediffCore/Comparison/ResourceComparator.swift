import Foundation
import TestRailAPI

/// Compares the project-wide resources beside the cases (`--resources`): suites, shared step sets, custom case
/// fields and templates, each matched by meaning.
///
/// | resource     | matched by                                  | compared                                          |
/// |--------------|---------------------------------------------|---------------------------------------------------|
/// | suites       | name, as cases pair them                    | name, description, `is_completed`, `is_baseline` |
/// | shared steps | title; then a near title or the same steps  | title, steps (as a case's steps)                 |
/// | fields       | system name, among those configured for the | label, type, option labels (as a set)            |
/// |              | project (active, global or its context)     |                                                   |
/// | templates    | name, among those the project may use       | nothing else: added or removed                   |
struct ResourceComparator: Sendable {
    let options: ComparisonOptions
    let values: ValueComparator
    let normalizer: TextNormalizer

    init(options: ComparisonOptions) {
        self.options = options
        normalizer = TextNormalizer(ignoreCase: options.ignoreCase)
        values = ValueComparator(normalizer: normalizer)
    }

    /// The resources `--resources` names, in listing order.
    /// - Parameter suites: the compared suite pairs, each side's suite when it has one.
    /// - Throws: ``CasediffError/unknownResource(_:side:why:)`` for a list one side does not know.
    func compare(
        heads: [Side: ProjectData], suites: [(name: String, left: Suite?, right: Suite?)],
        vocabularies: [Side: SideVocabulary]
    ) throws -> [ResourceComparison] {
        var result: [ResourceComparison] = []
        for resource in ProjectResource.projectWide where options.compares(resource) {
            switch resource {
            case .suites: result.append(compareSuites(suites, vocabularies))
            case .sharedSteps: result.append(try compareSharedSteps(heads, vocabularies))
            case .fields: result.append(try compareFields(heads))
            case .templates: result.append(try compareTemplates(heads))
            case .cases, .sections: break
            }
        }
        return result
    }

    // MARK: Suites

    private func compareSuites(
        _ suites: [(name: String, left: Suite?, right: Suite?)], _ vocabularies: [Side: SideVocabulary]
    ) -> ResourceComparison {
        var records: [CaseRecord] = []
        for (_, left, right) in suites {
            var changes: [FieldChange] = []
            if let left, let right {
                if normalizer.normalize(left.trimmedName) != normalizer.normalize(right.trimmedName) {
                    changes.append(
                        FieldChange(
                            field: "name", old: .string(left.trimmedName), new: .string(right.trimmedName),
                            kind: .renamed))
                }
                changes += values.changes(
                    .custom("description"), .markup,
                    vocabularies[.left]!.text(left.description.map(JSONValue.string) ?? .null),
                    vocabularies[.right]!.text(right.description.map(JSONValue.string) ?? .null))
                for (field, old, new) in [
                    ("is_completed", left.isCompleted, right.isCompleted),
                    ("is_baseline", left.isBaseline, right.isBaseline),
                ] where old != new {
                    changes.append(FieldChange(field: field, old: .bool(old), new: .bool(new), kind: .changed))
                }
            }
            records.append(
                record(
                    .suites, key: (right ?? left)!.trimmedName, left: left.map { ($0.id, $0.trimmedName) },
                    right: right.map { ($0.id, $0.trimmedName) }, changes: changes))
        }
        return ResourceComparison(
            resource: .suites, left: suites.filter { $0.left != nil }.count,
            right: suites.filter { $0.right != nil }.count, records: sorted(records))
    }

    // MARK: Shared step sets

    private func compareSharedSteps(_ heads: [Side: ProjectData], _ vocabularies: [Side: SideVocabulary]) throws
        -> ResourceComparison
    {
        let sides = try [Side.left, .right].map { side -> [SharedStepSet] in
            let data = heads[side]!
            guard let sets = data.definitions.sharedSteps else {
                throw CasediffError.unknownResource(
                    .sharedSteps, side: side.rawValue,
                    why: why(data, "get_shared_steps", noted: "shared steps", since: "TestRail 7.0"))
            }
            return sets.filter { ($0.projectID ?? data.project.id) == data.project.id }.sorted { $0.id < $1.id }
        }
        func steps(_ set: SharedStepSet, _ side: Side) -> JSONValue {
            vocabularies[side]!.text(.array(set.steps))
        }
        let pairing = pair(
            sides[0].map { normalizer.normalize($0.title) }, sides[1].map { normalizer.normalize($0.title) },
            sameContent: { l, r in
                // Sets without steps say nothing about each other.
                !sides[0][l].steps.isEmpty && !sides[1][r].steps.isEmpty
                    && values.changes(
                        .custom("custom_steps_separated"), .markup, steps(sides[0][l], .left),
                        steps(sides[1][r], .right)
                    ).isEmpty
            })
        var records: [CaseRecord] = []
        for (l, r) in pairing.pairs {
            let (left, right) = (sides[0][l], sides[1][r])
            var changes: [FieldChange] = []
            if normalizer.normalize(left.title) != normalizer.normalize(right.title) {
                changes.append(
                    FieldChange(field: "title", old: .string(left.title), new: .string(right.title), kind: .renamed))
            }
            changes += values.changes(
                .custom("custom_steps_separated"), .markup, steps(left, .left), steps(right, .right))
            records.append(
                record(
                    .sharedSteps, key: right.title, left: (left.id, left.title),
                    right: (right.id, right.title), changes: changes))
        }
        for l in pairing.left {
            records.append(record(.sharedSteps, key: sides[0][l].title, left: (sides[0][l].id, sides[0][l].title)))
        }
        for r in pairing.right {
            records.append(record(.sharedSteps, key: sides[1][r].title, right: (sides[1][r].id, sides[1][r].title)))
        }
        return ResourceComparison(
            resource: .sharedSteps, left: sides[0].count, right: sides[1].count, records: sorted(records))
    }

    // MARK: Fields

    private func compareFields(_ heads: [Side: ProjectData]) throws -> ResourceComparison {
        let sides = try [Side.left, .right].map { side -> [(field: CaseField, options: CaseField.Options)] in
            let data = heads[side]!
            guard let fields = data.definitions.caseFields else {
                throw CasediffError.unknownResource(
                    .fields, side: side.rawValue, why: why(data, "get_case_fields", noted: "case fields"))
            }
            var seen: Set<String> = []
            return fields.sorted { $0.id < $1.id }.compactMap { field in
                guard field.isActive, let configuration = field.configuration(forProject: data.project.id),
                    seen.insert(field.systemName).inserted
                else { return nil }
                return (field, configuration.options)
            }
        }
        let pairing = pair(sides[0].map(\.field.systemName), sides[1].map(\.field.systemName), sameContent: nil)
        var records: [CaseRecord] = []
        for (l, r) in pairing.pairs {
            let (left, right) = (sides[0][l], sides[1][r])
            var changes: [FieldChange] = []
            if normalizer.normalize(left.field.label) != normalizer.normalize(right.field.label) {
                changes.append(
                    FieldChange(
                        field: "label", old: .string(left.field.label), new: .string(right.field.label),
                        kind: .changed))
            }
            if left.field.typeID != right.field.typeID {
                changes.append(
                    FieldChange(
                        field: "type", old: .string(Self.typeName(left.field)),
                        new: .string(Self.typeName(right.field)),
                        kind: .changed))
            }
            let choices = [left, right].map { Self.hasOptions($0.field) ? Self.labels($0.options) : [] }
            if choices.contains(where: { !$0.isEmpty }),
                Set(choices[0].map { normalizer.normalize($0) }) != Set(choices[1].map { normalizer.normalize($0) })
            {
                changes.append(
                    FieldChange(
                        field: "options", old: .array(choices[0].map(JSONValue.string)),
                        new: .array(choices[1].map(JSONValue.string)), kind: .changed))
            }
            records.append(
                record(
                    .fields, key: right.field.systemName, left: (left.field.id, left.field.systemName),
                    right: (right.field.id, right.field.systemName), changes: changes))
        }
        for l in pairing.left {
            records.append(
                record(
                    .fields, key: sides[0][l].field.systemName,
                    left: (sides[0][l].field.id, sides[0][l].field.systemName)))
        }
        for r in pairing.right {
            records.append(
                record(
                    .fields, key: sides[1][r].field.systemName,
                    right: (sides[1][r].field.id, sides[1][r].field.systemName)))
        }
        return ResourceComparison(
            resource: .fields, left: sides[0].count, right: sides[1].count, records: sorted(records))
    }

    /// Dropdown and multi-select fields hold options.
    private static func hasOptions(_ field: CaseField) -> Bool {
        field.type == .dropdown || field.type == .multiSelect
    }

    /// The option labels in the order the configuration lists them, each once.
    static func labels(_ options: CaseField.Options) -> [String] {
        var seen: Set<String> = []
        return options.listedChoices.map(\.label).filter { seen.insert($0).inserted }
    }

    /// The type as TestRail's field editor names it.
    static func typeName(_ field: CaseField) -> String {
        switch field.type {
        case .string: return "String"
        case .integer: return "Integer"
        case .text: return "Text"
        case .url: return "URL"
        case .checkbox: return "Checkbox"
        case .dropdown: return "Dropdown"
        case .user: return "User"
        case .date: return "Date"
        case .milestone: return "Milestone"
        case .steps: return "Steps"
        case .stepResults: return "Step Results"
        case .multiSelect: return "Multi-select"
        case .bddScenarios: return "Scenario"
        case nil: return "type \(field.typeID)"
        }
    }

    // MARK: Templates

    private func compareTemplates(_ heads: [Side: ProjectData]) throws -> ResourceComparison {
        let sides = try [Side.left, .right].map { side -> [Template] in
            let data = heads[side]!
            guard let templates = data.definitions.templates else {
                throw CasediffError.unknownResource(
                    .templates, side: side.rawValue, why: why(data, "get_templates", noted: "templates"))
            }
            return templates.sorted { $0.id < $1.id }
        }
        let pairing = pair(
            sides[0].map { normalizer.normalize($0.name) }, sides[1].map { normalizer.normalize($0.name) },
            sameContent: nil)
        var records = pairing.pairs.map { l, r in
            record(
                .templates, key: sides[1][r].name, left: (sides[0][l].id, sides[0][l].name),
                right: (sides[1][r].id, sides[1][r].name))
        }
        records += pairing.left.map {
            record(.templates, key: sides[0][$0].name, left: (sides[0][$0].id, sides[0][$0].name))
        }
        records += pairing.right.map {
            record(.templates, key: sides[1][$0].name, right: (sides[1][$0].id, sides[1][$0].name))
        }
        return ResourceComparison(
            resource: .templates, left: sides[0].count, right: sides[1].count, records: sorted(records))
    }

    // MARK: Pairing and records

    /// Pairs by equal keys (several of one key: the same content first, then in order), then, with `sameContent` and
    /// rename detection on, the unpaired whose keys are near (at the rename threshold), or whose content is the same
    /// and matches nothing else, most similar first.
    private func pair(_ lefts: [String], _ rights: [String], sameContent: ((Int, Int) -> Bool)?)
        -> (pairs: [(Int, Int)], left: [Int], right: [Int])
    {
        var byKey: [String: [Int]] = [:]
        for (index, key) in rights.enumerated() { byKey[key, default: []].append(index) }
        var leftByKey: [String: [Int]] = [:]
        for (index, key) in lefts.enumerated() { leftByKey[key, default: []].append(index) }
        var pairs: [(Int, Int)] = []
        var left: [Int] = []
        for key in leftByKey.keys.sorted() {
            var group = leftByKey[key]!
            var candidates = byKey[key] ?? []
            // Several of one key: those with the same content pair first (whichever side is the left), then the
            // rest in order.
            if let sameContent, group.count > 1 || candidates.count > 1 {
                for index in group {
                    guard let chosen = candidates.firstIndex(where: { sameContent(index, $0) }) else { continue }
                    pairs.append((index, candidates.remove(at: chosen)))
                    group.removeAll { $0 == index }
                }
            }
            for (index, candidate) in zip(group, candidates) { pairs.append((index, candidate)) }
            left += group.dropFirst(min(group.count, candidates.count))
            byKey[key] = Array(candidates.dropFirst(min(group.count, candidates.count)))
        }
        left.sort()
        pairs.sort { $0.0 < $1.0 }
        var right = byKey.values.flatMap { $0 }.sorted()
        guard let sameContent, options.renameThreshold < 1, !left.isEmpty, !right.isEmpty else {
            return (pairs, left, right)
        }
        var candidates: [(score: Double, l: Int, r: Int)] = []
        for l in left {
            let scalars = Array(lefts[l].unicodeScalars)
            for r in right {
                if let similarity = TitleSimilarity.similarity(
                    scalars, Array(rights[r].unicodeScalars), atLeast: options.renameThreshold)
                {
                    candidates.append((similarity + (sameContent(l, r) ? 1 : 0), l, r))
                } else if sameContent(l, r), right.filter({ sameContent(l, $0) }).count == 1,
                    left.filter({ sameContent($0, r) }).count == 1
                {
                    // Far titles, the same steps: a rename only when nothing else has those steps.
                    candidates.append((1, l, r))
                }
            }
        }
        let renamed = CasePairing.greedyPairs(candidates)
        pairs += renamed
        let (usedLeft, usedRight) = (Set(renamed.map(\.0)), Set(renamed.map(\.1)))
        left.removeAll { usedLeft.contains($0) }
        right.removeAll { usedRight.contains($0) }
        return (pairs, left, right)
    }

    private func record(
        _ resource: ProjectResource, key: String, left: (id: Int, name: String)? = nil,
        right: (id: Int, name: String)? = nil, changes: [FieldChange] = []
    ) -> CaseRecord {
        func side(_ item: (id: Int, name: String)?) -> CaseRecord.Side? {
            item.map { CaseRecord.Side(id: $0.id, suite: "", sectionPath: "", title: $0.name) }
        }
        let status: CaseStatus
        let kinds: Set<CaseStatus>
        switch (left, right) {
        case (nil, _):
            (status, kinds) = (.added, [.added])
        case (_, nil):
            (status, kinds) = (.removed, [.removed])
        default:
            kinds = Set(changes.map(\.kind))
            status =
                CaseStatus.ofPair(changing: kinds)
        }
        var record = CaseRecord(
            status: status, key: key, left: side(left), right: side(right), changes: changes,
            drift: options.drift.counts(resource, kinds), resource: resource)
        if resource == .suites {
            record.left?.suite = left?.name ?? ""
            record.right?.suite = right?.name ?? ""
        }
        return record
    }

    /// By the name the record shows, then ids.
    private func sorted(_ records: [CaseRecord]) -> [CaseRecord] {
        records.map { (normalizer.normalize($0.current.title), $0.left?.id ?? 0, $0.right?.id ?? 0, $0) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }

    /// Why a side's list is not known: what the fetch noted (a note naming `noted`), else a snapshot too old to hold
    /// it, else the call that gave nothing.
    private func why(_ data: ProjectData, _ call: String, noted: String, since version: String? = nil) -> String {
        if let note = data.definitions.notes.first(where: { $0.contains(noted) }) { return note }
        if data.snapshotFile != nil { return "the snapshot does not hold it; take the snapshot again" }
        return "\(call) gave nothing" + (version.map { "; it needs \($0) or later" } ?? "")
    }
}
