import Foundation
import TestRailAPI

/// Renders a report for a person at a terminal: a per-suite summary table, then every drifted case.
public struct TableRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport) -> String {
        var out = ""
        let left = "\(report.left.projectName) (P\(report.left.projectID))"
        let right = "\(report.right.projectName) (P\(report.right.projectID))"
        out += "Comparing \(left) with \(right) on \(report.left.instance)"
        if report.right.instance != report.left.instance { out += " and \(report.right.instance)" }
        out += "\n\n"

        let header = ["Suite", "Left", "Right", "Added", "Removed", "Changed", "Unchanged"]
        var rows = report.suites.map { suite in
            [
                suite.name, String(suite.leftCases), String(suite.rightCases), String(suite.counts.added),
                String(suite.counts.removed), String(suite.counts.changed), String(suite.counts.unchanged),
            ]
        }
        let totals = report.totals
        let totalRow = [
            "Total", String(report.left.cases), String(report.right.cases), String(totals.added),
            String(totals.removed), String(totals.changed), String(totals.unchanged),
        ]
        rows.append(totalRow)
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        out += line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows.dropLast() { out += line(row) + "\n" }
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        out += line(totalRow) + "\n"

        let drifted = report.suites.filter { !$0.records.isEmpty }
        if drifted.isEmpty {
            out += "\nNo drift: every case matches.\n"
            return out
        }
        out += "\nDrift (- only left, + only right, ~ changed):\n"
        for suite in drifted {
            out += "\n  \(suite.name)\n"
            for record in suite.records {
                out += "    " + describe(record) + "\n"
                for change in record.changes {
                    out += "        \(change.field): \(Self.short(change.old)) -> \(Self.short(change.new))\n"
                }
            }
        }
        return out
    }

    private func describe(_ record: CaseRecord) -> String {
        let place = { (side: CaseRecord.Side) in side.sectionPath.isEmpty ? "" : "\(side.sectionPath) :: " }
        switch record.status {
        case .removed:
            return "- \(place(record.left!))\(record.key)  [C\(record.left!.id)]"
        case .added:
            return "+ \(place(record.right!))\(record.key)  [C\(record.right!.id)]"
        case .changed, .unchanged:
            return "~ \(place(record.right!))\(record.key)  [C\(record.left!.id) -> C\(record.right!.id)]"
        }
    }

    /// A value on one line, cut to a readable length.
    static func short(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .null: text = "(none)"
        case .string(let string): text = "\"" + string.split(whereSeparator: \.isNewline).joined(separator: " ") + "\""
        case .bool(let flag): text = String(flag)
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        case .array(let items): text = "[\(items.count) item\(items.count == 1 ? "" : "s")]"
        case .object(let object): text = "{\(object.count) field\(object.count == 1 ? "" : "s")}"
        }
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
