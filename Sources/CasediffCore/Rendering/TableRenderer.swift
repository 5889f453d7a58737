import Foundation
import TestRailAPI

/// Renders a report for a person at a terminal: a per-suite summary and one for the other compared resources, then
/// every difference with its changes (a suite's sections under its cases, the project-wide resources after the
/// suites).
///
/// Lines fit the terminal's width in columns (``DisplayWidth``): the summary table's cut, everything else wrapped
/// (values are not cut to fit; a long text change is one word diff, and one value shows at most
/// ``ChangeText/tableValueLimit`` characters, ``ChangeText/words(_:color:)``). Colour only when
/// ``TerminalStyle/color`` allows it (a TTY without NO_COLOR).
///
/// With ``summaryOnly`` (`--stat`) it is the summary alone: the totals by suite and by resource, the notes and the
/// verdict. The full
/// table repeats the totals after the differences, so a long list ends with them.
public struct TableRenderer: Sendable {
    public var style: TerminalStyle
    /// The per-suite totals without the differences (`--stat`).
    public var summaryOnly: Bool

    public init(style: TerminalStyle = .plain, summaryOnly: Bool = false) {
        self.style = style
        self.summaryOnly = summaryOnly
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
        var tables: [String] = []
        // Without cases (`--resources`), no case table: its counts would all be 0.
        if report.options.compares(.cases) {
            let rows = report.suites.map { row($0.name, $0.leftCases, $0.rightCases, $0.counts) }
            let totalRow = row("Total", report.left.cases, report.right.cases, report.totals)
            tables.append(grid("Suite", rows: rows, total: totalRow))
        }
        let resources = report.resourceTotals.map { total in
            row(total.resource.totalTitle, total.left, total.right, total.counts)
        }
        if !resources.isEmpty { tables.append(grid("Resource", rows: resources, total: nil)) }
        return tables.joined(separator: "\n")
    }

    /// A table of counts under a header (`first` names the first column), ruled, with a total row when given; status
    /// headings shrink to one character on a narrow terminal, explained under the table.
    private func grid(_ first: String, rows: [[String]], total: [String]?) -> String {
        func widths(_ header: [String]) -> [Int] {
            header.indices.map { column in
                ([header] + (total.map { [$0] } ?? []) + rows).map { DisplayWidth.columns($0[column]) }.max() ?? 0
            }
        }
        var header = [first, "Left", "Right", "Added", "Removed", "Changed", "Moved", "Renamed", "Unchanged"]
        var columns = widths(header)
        var legend = ""
        if let width = style.width, columns.reduce(0, +) + 2 * (columns.count - 1) > width {
            // Narrow terminal: one-character status headings, explained under the table.
            header = [first, "Left", "Right", "+", "-", "~", ">", "r", "="]
            columns = widths(header)
            legend = prose("(+ added, - removed, ~ changed, > moved, r renamed, = unchanged)")
        }
        if let width = style.width {
            let others = columns.dropFirst().reduce(0, +) + 2 * (columns.count - 1)
            columns[0] = max(8, min(columns[0], width - others))
        }
        func line(_ cells: [String]) -> String {
            style.fit(
                cells.enumerated().map { column, cell in
                    // Widths in terminal columns, so a suite named in CJK or with emoji keeps the columns aligned.
                    let text = DisplayWidth.fit(cell, columns: columns[column])
                    let pad = DisplayWidth.padding(text, to: columns[column])
                    return column == 0 ? text + pad : pad + text
                }.joined(separator: "  "))
        }
        let rule = style.fit(columns.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        var out = style.paint(line(header), "1") + "\n" + rule + "\n"
        for row in rows { out += line(row) + "\n" }
        if let total { out += rule + "\n" + line(total) + "\n" }
        return out + legend
    }

    /// A sentence wrapped to the width, each line ending in a line break.
    private func prose(_ text: String) -> String {
        style.wrap(InkedWord.words(text), indent: "").map { $0 + "\n" }.joined()
    }

    /// The record's line, wrapped to the width (a title is never cut), in its status's colour.
    /// A case's line names its section path and title; another resource's, its name (a section's full path).
    private func line(_ record: CaseRecord) -> String {
        let (marker, color) = Self.markers[record.status] ?? (" ", "0")
        let side = record.current
        let place = side.sectionPath.isEmpty ? "" : "\(side.sectionPath) :: "
        let name = record.resource == .cases ? place + side.title : ChangeText.name(record)
        let ids = "[" + ChangeText.ids(record) + "]"
        // The ids and the duplicate flag each stay on one line.
        var words = InkedWord.words("\(marker) \(name)") + [InkedWord(ids, gap: 2)]
        if record.duplicate { words.append(InkedWord("(duplicate key)", gap: 2)) }
        let lines = TerminalStyle(width: style.width, color: false).wrap(words, indent: "    ")
        return lines.map { style.paint($0, color) + "\n" }.joined()
    }

    /// The differing records' lines, each followed by its changes' lines.
    private func differences(_ records: [CaseRecord]) -> String {
        var out = ""
        for record in records where record.status != .unchanged {
            out += line(record)
            for change in record.changes { out += lines(change) }
        }
        return out
    }

    /// A heading in bold, wrapped at `indent`.
    private func heading(_ text: String, indent: String) -> String {
        style.wrap(InkedWord.words(text), indent: indent).map { style.paint($0, "1") + "\n" }.joined()
    }

    /// A change's lines: the whole values, wrapped under the record; long text as a word diff.
    private func lines(_ change: FieldChange) -> String {
        style.wrap(ChangeText.words(change, color: style.color), indent: "        ").map { $0 + "\n" }.joined()
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
            notes.append(Self.keylessNote(report))
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

    /// The totals in one line, for the end of a long list: `Total: 6 added, 3 removed, …, 283 unchanged (294 left,
    /// 297 right cases).`
    static func totalsLine(_ report: ComparisonReport) -> String {
        let totals = report.totals
        let counts = CaseStatus.allCases.map { "\(totals[$0]) \($0.rawValue)" }.joined(separator: ", ")
        return "Total: \(counts) (\(report.left.cases) left, \(report.right.cases) right cases)."
    }

    /// The other compared resources' totals, one line each: `Sections: 1 added, …, 12 unchanged (13 left, 14
    /// right).`
    static func resourceTotalsLines(_ report: ComparisonReport) -> [String] {
        report.resourceTotals.map { total in
            let counts = CaseStatus.allCases.map { "\(total.counts[$0]) \($0.rawValue)" }.joined(separator: ", ")
            return "\(total.resource.title): \(counts) (\(total.left) left, \(total.right) right)."
        }
    }

    /// `No differences: every case and section matches.` — the compared resources, in listing order.
    static func noDifferences(_ report: ComparisonReport) -> String {
        var nouns = report.options.resources.sorted().map(\.singular)
        if nouns.isEmpty { nouns = [ProjectResource.cases.singular] }
        let last = nouns.removeLast()
        let list = nouns.isEmpty ? last : nouns.joined(separator: ", ") + " and " + last
        return "No differences: every \(list) matches."
    }

    /// `Without a match key (field:custom_automation_id): 34 left, 36 right; paired by title instead: 31 (any other
    /// is listed as removed or added)`.
    static func keylessNote(_ report: ComparisonReport) -> String {
        let text =
            "Without a match key (\(report.options.match)): \(report.keylessLeft) left, \(report.keylessRight) right"
        let paired = report.keylessPairedByTitle
        guard case .field = report.options.match else { return text + "; listed as removed and added" }
        return text + "; paired by title instead: \(paired) (any other is listed as removed or added)"
    }

    private func verdict(_ report: ComparisonReport) -> String {
        let listed = report.options.failOnDescription
        guard report.hasDrift else { return "No drift (fail-on: \(listed))." }
        return "Drift: \(report.driftDescription) (fail-on: \(listed))."
    }
}

extension TableRenderer: SuitePartRenderer {
    /// The suite's differences under its name, its cases' then its sections'; empty when it has none.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) -> Data {
        guard suite.differsAtAll, !summaryOnly else { return Data() }
        var out = "\n" + heading(suite.name, indent: "  ")
        out += differences(suite.records)
        if let sections = suite.sections, sections.differs {
            out += heading(ProjectResource.sections.title, indent: "    ")
            out += differences(sections.records)
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
        out += prose(heading)
        out += prose("Matched by \(Self.matchDescription(report.options))") + "\n"
        out += summary(report)
        let differs =
            report.suites.contains(where: \.differsAtAll) || report.resources.contains(where: \.differs)
        if !differs {
            out += "\n" + prose(Self.noDifferences(report))
        } else if !summaryOnly {
            out += "\n" + prose("Differences (+ added, - removed, ~ changed, > moved, r renamed):")
        }
        try output(Data(out.utf8))
        out = ""
        if differs, !summaryOnly {
            for index in report.suites.indices where report.suites[index].differsAtAll {
                try output(try parts(index))
            }
            // The project-wide resources are known only now, after every suite.
            for resource in report.resources where resource.differs {
                out += "\n" + self.heading(resource.resource.title, indent: "  ") + differences(resource.records)
            }
            out += "\n"
            if report.options.compares(.cases) { out += prose(Self.totalsLine(report)) }
            out += Self.resourceTotalsLines(report).map(prose).joined()
        }
        out += notes(report).map { "\n" + prose($0).dropLast() }.joined()
        out += "\n" + prose(verdict(report))
        try output(Data(out.utf8))
    }
}
