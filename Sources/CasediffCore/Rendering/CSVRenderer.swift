import Foundation
import TestRailAPI

/// Renders a report as CSV (RFC 4180: CRLF line ends, fields quoted when needed), one row per compared case.
///
/// `changes` holds the record's changes as compact JSON (`[{"new":…,"old":…,"path":"/priority"}]`), so a
/// spreadsheet shows them and a script can parse them.
public struct CSVRenderer: Sendable {
    public static let header = [
        "suite", "status", "drift", "duplicate", "key", "left_id", "right_id", "left_section", "right_section",
        "left_title", "right_title", "changed_paths", "changes",
    ]

    public init() {}

    public func render(_ report: ComparisonReport) throws -> String {
        var out = Self.line(Self.header)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for suite in report.suites {
            for record in suite.records {
                let changes = record.changes.map { Change(path: $0.path, old: $0.old, new: $0.new) }
                let json = changes.isEmpty ? "" : String(decoding: try encoder.encode(changes), as: UTF8.self)
                out += Self.line([
                    suite.name, record.status.rawValue, String(record.drift), String(record.duplicate), record.key,
                    record.left.map { String($0.id) } ?? "", record.right.map { String($0.id) } ?? "",
                    record.left?.sectionPath ?? "", record.right?.sectionPath ?? "", record.left?.title ?? "",
                    record.right?.title ?? "", record.changes.map(\.path).joined(separator: ";"), json,
                ])
            }
        }
        return out
    }

    private struct Change: Encodable {
        var path: String
        var old: JSONValue
        var new: JSONValue
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
