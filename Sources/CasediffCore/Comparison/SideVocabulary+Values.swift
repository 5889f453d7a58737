import TestRailAPI

/// Values in words: what a case's field means on its own instance.
///
/// | field (type)              | sent                              | compared and shown                         |
/// |---------------------------|-----------------------------------|--------------------------------------------|
/// | dropdown                  | `2`                               | `"Automated"` (its label here)             |
/// | multi-select              | `[3, 1]`                          | `["Android", "Web"]` (labels, as a set)    |
/// | checkbox                  | `1`, `true`, `null`               | `true`, `true`, `false`                    |
/// | user, `created_by`        | `17`                              | `"alice@example.com"` (else the name)      |
/// | milestone, `milestone_id` | `4`                               | `"Release 2.0"`                            |
/// | `template_id`             | `2`                               | `"Test Case (Steps)"`                      |
/// | steps                     | `[{"shared_step_id": 9}]`         | the set's steps, each naming its set       |
/// | text, steps               | `![](index.php?/attachments/get/5)` | `[attachment]`                           |
/// | `labels`                  | `[{"id": 3, "title": "smoke"}]`   | `["smoke"]` (a set)                        |
///
/// An id the vocabulary does not hold reads `option #2`, `user #17`, `milestone #4`, `template #2`.
extension SideVocabulary {
    func type(_ id: Int?) -> JSONValue {
        id.map { .string(typeNames[$0] ?? "type #\($0)") } ?? .null
    }

    func priority(_ id: Int?) -> JSONValue {
        id.map { .string(priorityNames[$0] ?? "priority #\($0)") } ?? .null
    }

    /// A template's name; its id as sent when the templates are not known at all.
    func template(_ id: Int?) -> JSONValue {
        guard let id else { return .null }
        guard let templateNames else { return .int(Int64(id)) }
        return .string(templateNames[id] ?? "template #\(id)")
    }

    func milestone(_ id: Int?) -> JSONValue {
        guard let id else { return .null }
        return .string(milestoneNames?[id] ?? "milestone #\(id)")
    }

    func user(_ id: Int?) -> JSONValue {
        guard let id else { return .null }
        return .string(userNames?[id] ?? "user #\(id)")
    }

    /// Label titles in order; no value when the case has none.
    func labels(_ labels: [CaseLabel]?) -> JSONValue {
        guard let labels, !labels.isEmpty else { return .null }
        return .array(Set(labels.map(\.title)).sorted().map(JSONValue.string))
    }

    /// A custom field's value in words, by its definition on this side; as sent (attachments masked) when the
    /// field's definition is not known.
    func custom(_ name: String, _ raw: JSONValue?) -> JSONValue {
        let definition = fields?[name]
        guard let raw, raw != .null else {
            // An unchecked checkbox is sent as false or as nothing at all: both are false.
            return definition?.type == .checkbox ? .bool(false) : .null
        }
        guard let definition, let type = definition.type else { return text(raw) }
        switch type {
        case .dropdown:
            return raw.intValue == nil ? text(raw) : definition.label(of: raw)
        case .multiSelect:
            let ids: [JSONValue]
            if case .array(let items) = raw { ids = items } else { ids = [raw] }
            // A set: each label once, in order.
            var labels: [JSONValue] = []
            for id in ids {
                let label = definition.label(of: id)
                if !labels.contains(label) { labels.append(label) }
            }
            return .array(labels.sorted(by: Self.order))
        case .checkbox:
            switch raw {
            case .bool: return raw
            case .int(let number): return .bool(number != 0)
            case .string(let text): return .bool(["1", "true"].contains(text.lowercased()))
            default: return .bool(false)
            }
        case .user:
            return raw.intValue.map { user($0) } ?? raw
        case .milestone:
            return raw.intValue.map { milestone($0) } ?? raw
        case .integer:
            return raw.intValue.map { .int(Int64($0)) } ?? raw
        case .steps, .stepResults, .text, .bddScenarios:
            return text(raw)
        case .string, .url, .date:
            return raw
        }
    }

    /// A list of steps with shared steps resolved: a reference `{"shared_step_id": N}` becomes the set's steps,
    /// an inlined shared step keeps its own text; either way the step names its set (``StepKeys/sharedSet``) and
    /// loses the id. A reference to a set this side does not hold stays one step that says so.
    func steps(_ raw: JSONValue) -> JSONValue {
        guard case .array(let items) = raw else { return text(raw) }
        var out: [JSONValue] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .object(var step) = item else {
                out.append(text(item))
                continue
            }
            guard let setID = step.removeValue(forKey: "shared_step_id")?.intValue else {
                out.append(text(item))
                continue
            }
            let set = sharedSets?[setID]
            let origin = JSONValue.string(set?.title ?? "#\(setID)")
            // A reference: the id alone, or with every other key empty (some clients send nulls beside it).
            if step.values.allSatisfy({ $0 == .null || $0 == .string("") }) {
                guard let set else {
                    out.append(
                        .object([
                            "content": .string("[shared step set #\(setID): not found]"), StepKeys.sharedSet: origin,
                        ]))
                    continue
                }
                for shared in set.steps {
                    guard case .object(var sharedStep) = shared else { continue }
                    sharedStep["shared_step_id"] = nil
                    sharedStep[StepKeys.sharedSet] = origin
                    out.append(text(.object(sharedStep)))
                }
            } else {
                step[StepKeys.sharedSet] = origin
                out.append(text(.object(step)))
            }
        }
        return .array(out)
    }

    /// Text with attachment references read as `[attachment]` (unless `--compare-attachments`), in any nesting;
    /// a list of step objects that name a shared step set is read as steps. The value itself, not a copy, when
    /// nothing is to be rewritten: comparing a pair asks for every field's value, so this is on the hot path.
    func text(_ value: JSONValue) -> JSONValue {
        rewritten(value) ?? value
    }

    /// The value rewritten, or nil when it stays as it is.
    private func rewritten(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string(let string):
            guard !compareAttachments, AttachmentLinks.mentions(string) else { return nil }
            return .string(AttachmentLinks.mask(string))
        case .array(let items):
            for item in items {
                if case .object(let step) = item, step["shared_step_id"] != nil { return steps(value) }
            }
            guard !compareAttachments else { return nil }
            var out: [JSONValue]?
            for (index, item) in items.enumerated() {
                guard let new = rewritten(item) else { continue }
                if out == nil { out = items }
                out![index] = new
            }
            return out.map(JSONValue.array)
        case .object(let object):
            guard !compareAttachments else { return nil }
            var out: [String: JSONValue]?
            for (key, item) in object {
                guard let new = rewritten(item) else { continue }
                if out == nil { out = object }
                out![key] = new
            }
            return out.map(JSONValue.object)
        default:
            return nil
        }
    }

    /// Strings in order, then anything else as sent.
    private static func order(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        case (.string, _): return true
        default: return false
        }
    }
}
