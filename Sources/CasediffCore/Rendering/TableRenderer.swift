import Foundation
import TestRailAPI

/// Renders a report for a person at a terminal: a per-suite summary, then every difference with its changes.
///
/// Lines fit the terminal's width; colour only when ``TerminalStyle/color`` allows it (a TTY without NO_COLOR).
public struct TableRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    static let markers: [CaseStatus: (String, String)] = [
        .added: ("+", "32"), .removed: ("-", "31"), .changed: ("~", "33"), .moved: (">", "36"),
        .renamed: ("r", "35"),
    ]

    public func render(_ report: ComparisonReport) -> String {
        (try? document(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func matchDescription(_ options: ComparisonOptions) -> String {
        var text = options.match.description
        text += options.crossSuite ? " across suites" : " within suites of the same name"
        if options.ignoreCase { text += ", ignoring case" }
        if options.match.detectsRenames {
            text +=
                options.renameThreshold < 1 ? "; renames at similarity ≥ \(options.renameThreshold)" : "; renames off"
        }
        return text
    }

    private func summary(_ report: ComparisonReport) -> String {
        func row(_ name: String, _ leftCases: Int, _ rightCases: Int, _ counts: StatusCounts) -> [String] {
            [name, String(leftCases), String(rightCases)] + CaseStatus.allCases.map { String(counts[$0]) }
        }
        let rows = report.suites.map { row($0.name, $0.leftCases, $0.rightCases, $0.counts) }
        let totalRow = row("Total", report.left.cases, report.right.cases, report.totals)
        func widths(_ header: [String]) -> [Int] {
            header.indices.map { column in ([header, totalRow] + rows).map { $0[column].count }.max() ?? 0 }
        }
        var header = ["Suite", "Left", "Right", "Added", "Removed", "Changed", "Moved", "Renamed", "Unchanged"]
        var columns = widths(header)
        var legend = ""
        if let width = style.width, columns.reduce(0, +) + 2 * (columns.count - 1) > width {
            // Narrow terminal: one-character status headings, explained under the table.
            header = ["Suite", "Left", "Right", "+", "-", "~", ">", "r", "="]
            columns = widths(header)
            legend = style.fit("(+ added, - removed, ~ changed, > moved, r renamed, = unchanged)") + "\n"
        }
        if let width = style.width {
            let others = columns.dropFirst().reduce(0, +) + 2 * (columns.count - 1)
            columns[0] = max(8, min(columns[0], width - others))
        }
        func line(_ cells: [String]) -> String {
            style.fit(
                cells.enumerated().map { column, cell in
                    let text = cell.count > columns[column] ? String(cell.prefix(columns[column] - 1)) + "…" : cell
                    let pad = String(repeating: " ", count: columns[column] - text.count)
                    return column == 0 ? text + pad : pad + text
                }.joined(separator: "  "))
        }
        let rule = style.fit(columns.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        var out = style.paint(line(header), "1") + "\n" + rule + "\n"
        for row in rows { out += line(row) + "\n" }
        out += rule + "\n" + line(totalRow) + "\n" + legend
        return out
    }

    private func line(_ record: CaseRecord) -> String {
        let (marker, color) = Self.markers[record.status] ?? (" ", "0")
        let side = record.current
        let place = side.sectionPath.isEmpty ? "" : "\(side.sectionPath) :: "
        let ids = "[" + ChangeText.ids(record) + "]"
        var text = "    \(marker) \(place)\(side.title)  \(ids)"
        if record.duplicate { text += "  (duplicate key)" }
        let fitted = style.fit(text)
        return style.paint(fitted, color) + "\n"
    }

    private func notes(_ report: ComparisonReport) -> [String] {
        var notes: [String] = []
        for duplicate in report.duplicates {
            let place = duplicate.suite.map { " in \($0)" } ?? ""
            notes.append(
                "Duplicate key\(place): \"\(duplicate.key)\" \(duplicate.left)× left, \(duplicate.right)× right "
                    + "(paired by section path, then similarity)")
        }
        if report.keylessLeft + report.keylessRight > 0 {
            notes.append(
                "Without a match key (\(report.options.match)): \(report.keylessLeft) left, \(report.keylessRight) right; "
                    + "listed as removed and added")
        }
        for field in report.oneSidedFields {
            notes.append("Not compared: \(field.field) exists only in the \(field.side) project")
        }
        notes += report.notes.map { "Note: \($0)" }
        notes.append(
            "Values are compared by meaning (names and labels, not ids), text with white space collapsed and in "
                + "Unicode NFC" + (report.options.ignoreCase ? ", ignoring case" : "")
                + "; HTML text as its text, Markdown as written"
                + (report.options.compareAttachments ? "." : "; attachments as [attachment]."))
        return notes
    }

    private func verdict(_ report: ComparisonReport) -> String {
        let drift = report.totals.drift
        let listed = report.options.failOnDescription
        if drift == 0 { return "No drift (fail-on: \(listed))." }
        return "Drift: \(drift) case\(drift == 1 ? "" : "s") (fail-on: \(listed))."
    }
}

extension TableRenderer: SuitePartRenderer {
    /// The suite's differences, under its name; empty when it has none.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) -> Data {
        guard suite.differs else { return Data() }
        var out = "\n" + style.paint(style.fit("  \(suite.name)"), "1") + "\n"
        for record in suite.records where record.status != .unchanged {
            out += line(record)
            for change in record.changes {
                out += style.fit("        " + ChangeText.line(change)) + "\n"
            }
        }
        return Data(out.utf8)
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        var out = ""
        let left = report.left.label
        let right = report.right.label
        var heading = "Comparing \(left) with \(right) on \(report.left.instance)"
        if report.right.instance != report.left.instance { heading += " and \(report.right.instance)" }
        out += style.fit(heading) + "\n"
        out += style.fit("Matched by \(Self.matchDescription(report.options))") + "\n\n"
        out += summary(report)
        if !report.suites.contains(where: \.differs) {
            out += "\nNo differences: every case matches.\n"
        } else {
            out += "\n" + style.fit("Differences (+ added, - removed, ~ changed, > moved, r renamed):") + "\n"
        }
        try output(Data(out.utf8))
        for index in report.suites.indices where report.suites[index].differs {
            try output(try parts(index))
        }
        out = notes(report).map { "\n" + style.fit($0) }.joined()
        out += "\n" + style.fit(verdict(report)) + "\n"
        try output(Data(out.utf8))
    }
}
