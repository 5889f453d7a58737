import TestRailAPI

/// One-line descriptions of records and changes, shared by the table, Markdown and JUnit renderers.
enum ChangeText {
    /// `priority: "High" -> "Medium"`, `step 2 expected: "…" -> "…"`, `step 3 added: "…"`.
    /// A step from a shared set says so: `step 2 expected (shared step set "Sign in"): "…" -> "…"`.
    static func line(_ change: FieldChange, arrow: String = "->", limit: Int = 80) -> String {
        line(change, arrow: arrow) { short($0, limit: limit) }
    }

    /// The line with each value as `short` writes it.
    static func line(_ change: FieldChange, arrow: String = "->", short: (JSONValue) -> String) -> String {
        if let label = label(change) {
            return "\(label): \(short(change.old)) \(arrow) \(short(change.new))"
        }
        guard case .step(let index, _) = change.location else { return "" }
        let (verb, value) = change.new == .null ? ("removed", change.old) : ("added", change.new)
        return "\(stepLabel(change.field)) \(index + 1) \(verb)\(origin(change)): \(short(value))"
    }

    /// What a change of one value is a change of: `priority`, `step 2 expected (shared step set "Sign in")`; nil for
    /// a step added or removed whole.
    static func label(_ change: FieldChange) -> String? {
        switch change.location {
        case .field: return change.field
        case .step(let index, let key?): return "\(stepLabel(change.field)) \(index + 1) \(key)\(origin(change))"
        case .step(_, nil): return nil
        }
    }

    private static func origin(_ change: FieldChange) -> String {
        change.origin.map { " (shared step set \(quoted($0)))" } ?? ""
    }

    private static func stepLabel(_ field: String) -> String {
        field == "custom_steps_separated" ? "step" : "\(field) item"
    }

    /// What happened, in words: `changed: priority, refs`, `moved from "A" to "B"`, `renamed from "X"`.
    static func summary(_ record: CaseRecord) -> String {
        switch record.status {
        case .added: return "added"
        case .removed: return "removed"
        case .unchanged: return "unchanged"
        case .changed, .moved, .renamed:
            var parts: [String] = []
            if let left = record.left, let right = record.right {
                if record.status == .moved, record.resource == .sections {
                    let parent = { (side: CaseRecord.Side) in
                        side.sectionPath.isEmpty ? "(top level)" : side.sectionPath
                    }
                    parts.append("moved from \(quoted(parent(left))) to \(quoted(parent(right)))")
                } else if record.status == .moved {
                    parts.append("moved from \(quoted(place(left))) to \(quoted(place(right)))")
                }
                if record.changes.contains(where: { $0.kind == .renamed }) {
                    parts.append("renamed from \(quoted(left.title))")
                }
            }
            var fields: [String] = []
            for change in record.changes where change.kind == .changed && !fields.contains(change.field) {
                fields.append(change.field)
            }
            if !fields.isEmpty { parts.append("changed: " + fields.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        }
    }

    /// The section path, with the suite first when it differs between the sides (`--cross-suite`).
    static func place(_ side: CaseRecord.Side) -> String {
        side.sectionPath.isEmpty ? "(no section)" : side.sectionPath
    }

    /// What a resource record is called on one side: a section's full path (`Cart > Coupons`), any other's title.
    static func name(_ side: CaseRecord.Side, of resource: ProjectResource) -> String {
        resource == .sections ? side.path : side.title
    }

    /// What the record is called on its current side (``name(_:of:)``).
    static func name(_ record: CaseRecord) -> String { name(record.current, of: record.resource) }

    static func quoted(_ text: String) -> String { "\"" + text + "\"" }

    /// The ids a record names: `C4 -> C297` for a pair (`C4` when both sides name it alike), else the one side's;
    /// `name` writes one side's id (`left` says which side), as the record's resource writes it by default (`C4`
    /// for a case, `#140` for a section).
    static func ids(
        _ record: CaseRecord, arrow: String = "->",
        name: ((_ side: CaseRecord.Side, _ left: Bool) -> String)? = nil
    ) -> String {
        let name = name ?? { side, _ in record.resource.id(side.id) }
        switch (record.left.map { name($0, true) }, record.right.map { name($0, false) }) {
        case (let l?, let r?): return l == r ? l : "\(l) \(arrow) \(r)"
        case (let l?, nil): return l
        case (nil, let r?): return r
        case (nil, nil): return ""
        }
    }

    /// A value on one line, cut to a readable length.
    static func short(_ value: JSONValue, limit: Int = 80) -> String {
        let text: String
        switch value {
        case .null: text = "(none)"
        case .string(let string): text = quoted(string.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        case .bool(let flag): text = String(flag)
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        case .number(let number): text = number
        case .array(let items): text = "[" + items.map { short($0, limit: limit) }.joined(separator: ", ") + "]"
        case .object(let object):
            if let content = object["content"] {
                text = short(content, limit: limit)
            } else {
                text =
                    "{"
                    + object.keys.sorted().map { "\($0): \(short(object[$0]!, limit: limit))" }.joined(separator: ", ")
                    + "}"
            }
        }
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
