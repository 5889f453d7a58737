import TestRailAPI

/// Decides whether two compared values are the same and lists what differs, down to single steps.
///
/// Sameness is after normalisation (``TextNormalizer``): absent, `null`, empty and blank are one value ("no value");
/// numbers compare by value; arrays of plain values (multi-selects) compare as multisets; arrays of objects (steps)
/// are aligned with ``StepAlignment`` and compared step by step, key by key.
struct ValueComparator: Sendable {
    let normalizer: TextNormalizer

    /// The changes between `old` and `new` for one field; empty when they are the same.
    func changes(_ field: CompareField, _ old: JSONValue, _ new: JSONValue) -> [FieldChange] {
        if old == new { return [] }
        let rich = field.isRichText
        if let oldSteps = Self.objects(old), let newSteps = Self.objects(new), !(oldSteps.isEmpty && newSteps.isEmpty) {
            return stepChanges(field, oldSteps, newSteps)
        }
        if same(old, new, rich: rich) { return [] }
        return [FieldChange(field: field.name, old: old, new: new, kind: field.changeKind)]
    }

    /// The compared-field changes between two cases.
    func changes(_ fields: [CompareField], _ left: CaseView, _ right: CaseView) -> [FieldChange] {
        var result: [FieldChange] = []
        for field in fields {
            let old = left.value(field)
            let new = right.value(field)
            if old != new { result += changes(field, old, new) }
        }
        return result
    }

    /// How many compared fields agree: the similarity used to pair duplicates.
    func agreement(_ fields: [CompareField], _ left: CaseView, _ right: CaseView) -> Int {
        fields.reduce(0) { count, field in
            let old = left.value(field)
            let new = right.value(field)
            return count + (old == new || same(old, new, rich: field.isRichText) ? 1 : 0)
        }
    }

    func same(_ a: JSONValue, _ b: JSONValue, rich: Bool) -> Bool {
        if a == b { return true }
        let emptyA = isEmpty(a, rich: rich)
        let emptyB = isEmpty(b, rich: rich)
        if emptyA || emptyB { return emptyA && emptyB }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return normalizer.normalize(x, richText: rich) == normalizer.normalize(y, richText: rich)
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)):
            return Double(x) == y
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if x.allSatisfy(Self.isPlain) && y.allSatisfy(Self.isPlain) {
                var unmatched = y
                for item in x {
                    guard let index = unmatched.firstIndex(where: { same(item, $0, rich: rich) }) else { return false }
                    unmatched.remove(at: index)
                }
                return true
            }
            return zip(x, y).allSatisfy { same($0, $1, rich: rich) }
        case (.object(let x), .object(let y)):
            return Set(x.keys).union(y.keys).allSatisfy { same(x[$0] ?? .null, y[$0] ?? .null, rich: rich) }
        default:
            return false
        }
    }

    private func isEmpty(_ value: JSONValue, rich: Bool) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return normalizer.normalize(text, richText: rich).isEmpty
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
        let operations = StepAlignment.align(
            old.count, new.count, equal: { i, j in same(step(old[i]), step(new[j]), rich: true) },
            alike: { i, j in
                let content = (old[i]["content"] ?? .null, new[j]["content"] ?? .null)
                return content.0 != .null && same(content.0, content.1, rich: true)
            })
        var changes: [FieldChange] = []
        for operation in operations {
            switch operation {
            case .same:
                continue
            case .edited(let i, let j):
                for key in Set(old[i].keys).union(new[j].keys).sorted() {
                    let before = old[i][key] ?? .null
                    let after = new[j][key] ?? .null
                    if !same(before, after, rich: true) {
                        changes.append(
                            FieldChange(
                                field: field.name, location: .step(index: j, key: key), old: before, new: after,
                                kind: .changed))
                    }
                }
            case .deleted(let i):
                changes.append(
                    FieldChange(
                        field: field.name, location: .step(index: i, key: nil), old: step(old[i]), new: .null,
                        kind: .changed))
            case .inserted(let j):
                changes.append(
                    FieldChange(
                        field: field.name, location: .step(index: j, key: nil), old: .null, new: step(new[j]),
                        kind: .changed))
            }
        }
        return changes
    }
}
