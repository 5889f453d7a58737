import TestRailAPI

/// Decides whether two compared values are the same and lists what differs, down to single steps.
///
/// Sameness is after normalisation (``TextNormalizer``) under the field's ``ValueRule``: absent, `null`, empty and
/// blank are one value ("no value"); numbers compare by value; arrays of plain values (multi-selects, labels)
/// compare as multisets; `refs` as sets of references; arrays of objects (steps) are aligned with
/// ``StepAlignment`` and compared step by step, key by key. A step's shared step set (``StepKeys/sharedSet``) is
/// where it came from, not content: it is named in the change, never compared.
struct ValueComparator: Sendable {
    let normalizer: TextNormalizer

    /// The changes between `old` and `new` for one field; empty when they are the same.
    func changes(_ field: CompareField, _ rule: ValueRule, _ old: JSONValue, _ new: JSONValue) -> [FieldChange] {
        if old == new { return [] }
        if let oldSteps = Self.objects(old), let newSteps = Self.objects(new), !(oldSteps.isEmpty && newSteps.isEmpty) {
            return stepChanges(field, oldSteps, newSteps)
        }
        if same(old, new, rule) { return [] }
        return [FieldChange(field: field.name, old: old, new: new, kind: field.changeKind)]
    }

    /// The compared-field changes between two cases.
    func changes(_ fields: [(field: CompareField, rule: ValueRule)], _ left: CaseView, _ right: CaseView)
        -> [FieldChange]
    {
        var result: [FieldChange] = []
        for (field, rule) in fields {
            let old = left.value(field)
            let new = right.value(field)
            if old != new { result += changes(field, rule, old, new) }
        }
        return result
    }

    /// How many compared fields agree: the similarity used to pair duplicates.
    func agreement(_ fields: [(field: CompareField, rule: ValueRule)], _ left: CaseView, _ right: CaseView) -> Int {
        fields.reduce(0) { count, entry in
            let old = left.value(entry.field)
            let new = right.value(entry.field)
            return count + (old == new || same(old, new, entry.rule) ? 1 : 0)
        }
    }

    func same(_ a: JSONValue, _ b: JSONValue, _ rule: ValueRule) -> Bool {
        if a == b { return true }
        let markup = rule == .markup
        let emptyA = isEmpty(a, markup: markup)
        let emptyB = isEmpty(b, markup: markup)
        if emptyA || emptyB { return emptyA && emptyB }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if rule == .references { return references(x) == references(y) }
            // One editor's HTML against the other's Markdown: both as the text they show.
            let mixed = markup && HTMLText.looksLikeHTML(x) != HTMLText.looksLikeHTML(y)
            return normalizer.normalize(x, markup: markup, renderingMarkdown: mixed)
                == normalizer.normalize(y, markup: markup, renderingMarkdown: mixed)
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)):
            return Double(x) == y
        // A dropdown on one instance, a multi-select on the other: one label is a set of one.
        case (.string, .array(let items)) where items.count == 1:
            return same(a, items[0], rule)
        case (.array(let items), .string) where items.count == 1:
            return same(items[0], b, rule)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if x.allSatisfy(Self.isPlain) && y.allSatisfy(Self.isPlain) {
                var unmatched = y
                for item in x {
                    guard let index = unmatched.firstIndex(where: { same(item, $0, rule) }) else { return false }
                    unmatched.remove(at: index)
                }
                return true
            }
            return zip(x, y).allSatisfy { same($0, $1, rule) }
        case (.object(let x), .object(let y)):
            return Set(x.keys).union(y.keys).subtracting([StepKeys.sharedSet]).allSatisfy {
                same(x[$0] ?? .null, y[$0] ?? .null, StepKeys.rule(for: $0, in: rule))
            }
        default:
            return false
        }
    }

    /// `"JIRA-2, JIRA-1"` and `"JIRA-1,JIRA-2"` are the same references.
    private func references(_ text: String) -> Set<String> {
        Set(text.split(separator: ",").map { normalizer.normalize(String($0)) }.filter { !$0.isEmpty })
    }

    private func isEmpty(_ value: JSONValue, markup: Bool) -> Bool {
        switch value {
        case .null: return true
        // An unchecked checkbox: false and no value at all are the same.
        case .bool(let flag): return !flag
        case .string(let text): return normalizer.normalize(text, markup: markup).isEmpty
        case .array(let items): return items.isEmpty
        default: return false
        }
    }

    private static func isPlain(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// The value as a step list: an array of objects, or no value at all (an empty list).
    private static func objects(_ value: JSONValue) -> [[String: JSONValue]]? {
        switch value {
        case .null: return []
        case .array(let items):
            var objects: [[String: JSONValue]] = []
            for item in items {
                guard case .object(let object) = item else { return nil }
                objects.append(object)
            }
            return objects
        default: return nil
        }
    }

    private func stepChanges(_ field: CompareField, _ old: [[String: JSONValue]], _ new: [[String: JSONValue]])
        -> [FieldChange]
    {
        func step(_ object: [String: JSONValue]) -> JSONValue { .object(object) }
        func content(_ object: [String: JSONValue]) -> JSONValue {
            .object(object.filter { $0.key != StepKeys.sharedSet })
        }
        func origin(_ object: [String: JSONValue]) -> String? { object[StepKeys.sharedSet]?.stringValue }
        let operations = StepAlignment.align(
            old.count, new.count, equal: { i, j in same(step(old[i]), step(new[j]), .markup) },
            alike: { i, j in
                let content = (old[i]["content"] ?? .null, new[j]["content"] ?? .null)
                return content.0 != .null && same(content.0, content.1, .markup)
            })
        var changes: [FieldChange] = []
        for operation in operations {
            switch operation {
            case .same:
                continue
            case .edited(let i, let j):
                let keys = Set(old[i].keys).union(new[j].keys).subtracting([StepKeys.sharedSet])
                for key in keys.sorted() {
                    let before = old[i][key] ?? .null
                    let after = new[j][key] ?? .null
                    if !same(before, after, StepKeys.rule(for: key, in: .markup)) {
                        changes.append(
                            FieldChange(
                                field: field.name, location: .step(index: j, key: key), old: before, new: after,
                                kind: .changed, origin: origin(new[j]) ?? origin(old[i])))
                    }
                }
            case .deleted(let i):
                changes.append(
                    FieldChange(
                        field: field.name, location: .step(index: i, key: nil), old: content(old[i]), new: .null,
                        kind: .changed, origin: origin(old[i])))
            case .inserted(let j):
                changes.append(
                    FieldChange(
                        field: field.name, location: .step(index: j, key: nil), old: .null, new: content(new[j]),
                        kind: .changed, origin: origin(new[j])))
            }
        }
        return changes
    }
}
