import Foundation
import TestRailAPI

/// Renders a report as CSV (RFC 4180: CRLF line ends, fields quoted when needed), one row per compared case, then
/// per compared section of the suite, then per compared project-wide resource (suites, shared step sets, …).
///
/// `resource` (the last column, so scripts reading the earlier ones by position keep working) says which; a
/// section's `*_section` is its parent's path and `*_title` its name; a project-wide resource has no `suite`.
///
/// `changes` holds the record's changes as compact JSON (`[{"new":…,"old":…,"path":"/priority"}]`), so a
/// spreadsheet shows them and a script can parse them.
public struct CSVRenderer: Sendable {
    public static let header = [
        "suite", "status", "drift", "duplicate", "key", "left_id", "right_id", "left_section", "right_section",
        "left_title", "right_title", "changed_paths", "changes", "resource",
    ]

    public init() {}

    public func render(_ report: ComparisonReport) throws -> String {
        String(decoding: try document(report), as: UTF8.self)
    }

    /// The changes as compact JSON with sorted keys, as `JSONEncoder` writes them (`[{"new":…,"old":…,"path":…}]`);
    /// empty for none.
    static func changesJSON(_ changes: [FieldChange]) throws -> String {
        guard !changes.isEmpty else { return "" }
        var writer = JSONWriter(style: .compact, capacity: changes.count * 96)
        writer.beginArray()
        for change in changes {
            writer.beginObject()
            writer.key("new")
            try writer.value(change.new)
            writer.key("old")
            try writer.value(change.old)
            writer.key("path")
            writer.string(change.path)
            writer.endObject()
        }
        writer.endArray()
        return writer.text
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@` is prefixed with
    /// `'` so a spreadsheet does not run it as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CSVRenderer: SuitePartRenderer {
    /// One row per compared record.
    static func row(_ record: CaseRecord, suite: String) throws -> String {
        let json = try changesJSON(record.changes)
        return line([
            suite, record.status.rawValue, String(record.drift), String(record.duplicate), record.key,
            record.left.map { String($0.id) } ?? "", record.right.map { String($0.id) } ?? "",
            record.left?.sectionPath ?? "", record.right?.sectionPath ?? "", record.left?.title ?? "",
            record.right?.title ?? "", record.changes.map(\.path).joined(separator: ";"), json,
            record.resource.rawValue,
        ])
    }

    /// One row per compared case, then one per compared section.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) throws -> Data {
        var out = ""
        for record in suite.records + (suite.sections?.records ?? []) {
            out += try Self.row(record, suite: suite.name)
        }
        return Data(out.utf8)
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        try output(Data(Self.line(Self.header).utf8))
        for index in report.suites.indices { try output(try parts(index)) }
        // The project-wide resources are known only now, after every suite.
        for resource in report.resources {
            try output(Data(try resource.records.map { try Self.row($0, suite: "") }.joined().utf8))
        }
    }
}
