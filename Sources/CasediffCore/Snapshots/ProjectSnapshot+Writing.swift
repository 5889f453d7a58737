import Foundation
import TestRailAPI

extension ProjectSnapshot {
    /// The file's bytes, streamed: exactly what `JSONEncoder` writes for the `Encodable` form (sorted keys,
    /// two-space indentation, `/` unescaped) and a final line break, without building that form first. Cases are
    /// written member by member; the small parts (project, definitions, each suite and its sections) through their
    /// own conformances.
    public func encoded() throws -> Data {
        let cases = data.suites.reduce(0) { $0 + $1.cases.count }
        var writer = JSONWriter(style: .pretty, capacity: 4096 + cases * 1024)
        try write(into: &writer)
        writer.lineBreak()
        return writer.data()
    }

    private enum Member {
        case value(any Encodable)
        case suites
    }

    private func write(into writer: inout JSONWriter) throws {
        let definitions = data.definitions
        var members: [(String, Member)] = [
            ("format", .value(Self.format)), ("schema_version", .value(Self.schemaVersion)),
            ("casediff_version", .value(toolVersion)),
            ("taken_at", .value(ISO8601DateFormatter().string(from: takenAt))), ("instance", .value(data.instance)),
            ("project", .value(data.project)), ("case_types", .value(data.caseTypes)),
            ("priorities", .value(data.priorities)), ("suites", .suites),
        ]
        // As ProjectDefinitions encodes itself: a list only when known, the notes only when there are some.
        if let list = definitions.caseFields { members.append(("case_fields", .value(list))) }
        if let list = definitions.templates { members.append(("templates", .value(list))) }
        if let list = definitions.milestones { members.append(("milestones", .value(list))) }
        if let list = definitions.users { members.append(("users", .value(list))) }
        if let list = definitions.sharedSteps { members.append(("shared_steps", .value(list))) }
        if !definitions.notes.isEmpty { members.append(("definition_notes", .value(definitions.notes))) }
        writer.beginObject()
        for (key, member) in members.sorted(by: { JSONWriter.precedes($0.0, $1.0) }) {
            writer.key(key)
            switch member {
            case .value(let value): try writer.encoded(value)
            case .suites: try writeSuites(into: &writer)
            }
        }
        writer.endObject()
    }

    /// `[{"cases" : […], "sections" : […], "suite" : {…}}, …]`, as `SuiteData` encodes itself.
    private func writeSuites(into writer: inout JSONWriter) throws {
        writer.beginArray()
        for suite in data.suites {
            writer.beginObject()
            writer.key("cases")
            writer.beginArray()
            for testCase in suite.cases { try writer.testCase(testCase) }
            writer.endArray()
            writer.key("sections")
            try writer.encoded(suite.sections)
            writer.key("suite")
            try writer.encoded(suite.suite)
            writer.endObject()
        }
        writer.endArray()
    }
}
