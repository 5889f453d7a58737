import Foundation

/// Renders a report as GitHub-flavoured Markdown, for a pull-request comment or a CI step summary.
///
/// A verdict line, the per-suite summary table and one for the other compared resources, then one collapsible block
/// per suite with its differences (its cases', then its sections'), and one per project-wide resource. At most
/// ``maximumRows`` differences of any resource are listed, and no more than fit in ``maximumCharacters`` (a comment
/// holds 65 536 characters, and a row with two linked ids is some 200); the JSON diff has them all.
///
/// With ``summaryOnly`` (`--stat`) it is the verdict, the table and the notes, without the blocks of differences.
public struct MarkdownRenderer: Sendable {
    public static let maximumRows = 500
    /// The rows listed stop before the document would pass this many characters (counted as UTF-8 bytes, never
    /// fewer than characters), leaving room under GitHub's 65 536 for the notes after them.
    public static let maximumCharacters = 60_000

    /// The per-suite totals without the differences (`--stat`).
    public var summaryOnly: Bool

    public init(summaryOnly: Bool = false) {
        self.summaryOnly = summaryOnly
    }

    public func render(_ report: ComparisonReport) -> String {
        (try? document(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// A case's row names its title and section path; another resource's (under ``resourceHeader(_:)``) its name,
    /// a section's full path.
    private func recordRow(_ record: CaseRecord, of report: ComparisonReport) -> String {
        let side = record.current
        let ids = Self.linkedIDs(record, of: report)
        var status = "**\(record.status.rawValue)**"
        if record.duplicate { status += " (duplicate)" }
        if !record.drift { status += " (not drift)" }
        var details = record.changes.map { Self.escape(ChangeText.line($0, arrow: "→")) }
        if record.status == .added || record.status == .removed { details = [] }
        guard record.resource == .cases else {
            return "| \(status) | \(Self.escape(ChangeText.name(record))) (\(ids)) | "
                + details.joined(separator: "<br>") + " |\n"
        }
        return "| \(status) | \(Self.escape(side.title)) (\(ids)) | \(Self.escape(side.sectionPath)) | "
            + details.joined(separator: "<br>") + " |\n"
    }

    static let caseHeader = "| Status | Case | Section | Details |\n|:--|:--|:--|:--|\n"

    /// The head of a table of one resource's rows: `| Status | Section | Details |`.
    static func resourceHeader(_ resource: ProjectResource) -> String {
        let noun = resource.singular.prefix(1).uppercased() + resource.singular.dropFirst()
        return "| Status | \(noun) | Details |\n|:--|:--|:--|\n"
    }

    /// `1 added, 2 changed`: the drift kinds that occur.
    static func kindCounts(_ counts: StatusCounts) -> String {
        CaseStatus.driftKinds.filter { counts[$0] > 0 }.map { "\(counts[$0]) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// The case ids a record names (``ChangeText/ids(_:arrow:name:)``), each a link to the case on its side's
    /// instance where the side has a URL: `[C4](https://x.testrail.io/index.php?/cases/view/4) → [C297](…)`; one
    /// id when both sides name the same case on the same instance.
    static func linkedIDs(_ record: CaseRecord, of report: ComparisonReport) -> String {
        guard record.resource == .cases else { return ChangeText.ids(record, arrow: "→") }
        return ChangeText.ids(record, arrow: "→") { side, left in
            guard let link = (left ? report.left : report.right).caseLink(side.id) else { return "C\(side.id)" }
            // `(` and `)` would end the link early; a TestRail root rarely has them, but a URL may.
            let target = link.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            return "[C\(side.id)](\(target))"
        }
    }

    /// Backslash-escapes the punctuation that could break a table cell or start markup (GFM allows the escape for
    /// every ASCII punctuation character), so titles cannot break the table or inject HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", "|", "~":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension MarkdownRenderer: SuitePartRenderer {
    /// The suite's difference rows, its cases' then its sections', at most ``maximumRows`` of each (no suite can
    /// show more), each after its length in bytes and a line break (a row's own text may hold any character); which
    /// of them are listed depends on the suites before it, so the block around them is written with the document.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) -> Data {
        var out = Data()
        guard !summaryOnly else { return out }
        for records in [suite.records, suite.sections?.records ?? []] {
            for record in records.lazy.filter({ $0.status != .unchanged }).prefix(Self.maximumRows) {
                let row = Data(recordRow(record, of: report).utf8)
                out.append(contentsOf: "\(row.count)\n".utf8)
                out.append(row)
            }
        }
        return out
    }

    /// The first `count` rows of a part, each as it is listed.
    static func rows(_ count: Int, of part: Data) -> [Data] {
        var rows: [Data] = []
        var index = part.startIndex
        for _ in 0..<count {
            guard let newline = part[index...].firstIndex(of: UInt8(ascii: "\n")),
                let length = Int(String(decoding: part[index..<newline], as: UTF8.self))
            else { break }
            let start = newline + 1
            rows.append(part[start..<start + length])
            index = start + length
        }
        return rows
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        let left = report.left.label
        let right = report.right.label
        var out = "## casediff: \(Self.escape(left)) → \(Self.escape(right))\n\n"
        let totals = report.totals
        let counted = CaseStatus.driftKinds.filter { totals[$0] > 0 }.map { "\(totals[$0]) \($0.rawValue)" }
        if report.hasDrift {
            out += "**Drift:** \(report.driftDescription)"
        } else {
            out += "**No drift**"
        }
        let othersDiffer = report.resourceTotals.contains(where: \.differs)
        let none = othersDiffer ? "no case differences" : "no differences"
        if report.options.compares(.cases) {
            out += " (" + (counted.isEmpty ? none : counted.joined(separator: ", "))
            out += "; \(totals.unchanged) unchanged). "
        } else {
            out += " (cases not compared). "
        }
        out += "Matched by \(Self.escape(TableRenderer.matchDescription(report.options))); "
        out += "fail-on: \(report.options.failOnDescription).\n\n"

        func row(_ name: String, _ leftCases: Int, _ rightCases: Int, _ counts: StatusCounts) -> String {
            let cells =
                [name, String(leftCases), String(rightCases)]
                + CaseStatus.allCases.map { String(counts[$0]) }
            return "| " + cells.joined(separator: " | ") + " |\n"
        }
        // Without cases (`--resources`), no case table: its counts would all be 0.
        if report.options.compares(.cases) {
            out += "| Suite | Left | Right | Added | Removed | Changed | Moved | Renamed | Unchanged |\n"
            out += "|:------|-----:|------:|------:|--------:|--------:|------:|--------:|----------:|\n"
            for suite in report.suites {
                out += row(Self.escape(suite.name), suite.leftCases, suite.rightCases, suite.counts)
            }
            out += row("**Total**", report.left.cases, report.right.cases, totals)
        }
        let resourceTotals = report.resourceTotals
        if !resourceTotals.isEmpty {
            if report.options.compares(.cases) { out += "\n" }
            out += "| Resource | Left | Right | Added | Removed | Changed | Moved | Renamed | Unchanged |\n"
            out += "|:---------|-----:|------:|------:|--------:|--------:|------:|--------:|----------:|\n"
            for total in resourceTotals {
                out += row(total.resource.totalTitle, total.left, total.right, total.counts)
            }
        }

        // The notes come last but are measured first, so the rows stop where the notes still fit.
        var notes: [String] = report.duplicates.map { duplicate in
            let place = duplicate.suite.map { " in \(Self.escape($0))" } ?? ""
            return
                "Duplicate key\(place): \(Self.escape(duplicate.key)) (\(duplicate.left) left, \(duplicate.right) right)"
        }
        notes += report.oneSidedFields.map { "Not compared: `\($0.field)` exists only in the \($0.side) project" }
        notes += report.notes.map { "Note: " + Self.escape($0) }
        let notesText = notes.isEmpty ? "" : "\n" + notes.map { "- \($0)\n" }.joined()
        let budget = Self.maximumCharacters - notesText.utf8.count - 100

        var listed = 0
        var omitted = 0
        var full = false
        let close = "\n</details>\n"
        // Adds to `block` as many of `rows` as the row limit and the budget allow, under `header` when any fits.
        func take(_ rows: ArraySlice<Data>, differences: Int, header: String, into block: inout String) -> Int {
            let shown = full ? 0 : min(differences, Self.maximumRows - listed)
            var taken = 0
            for row in rows.prefix(shown) {
                let head = taken == 0 ? header : ""
                guard out.utf8.count + block.utf8.count + head.utf8.count + row.count + close.utf8.count <= budget
                else {
                    full = true
                    break
                }
                block += head + String(decoding: row, as: UTF8.self)
                taken += 1
            }
            listed += taken
            omitted += differences - taken
            return taken
        }
        for (index, suite) in report.suites.enumerated() where suite.differsAtAll && !summaryOnly {
            let differences = suite.counts.total - suite.counts.unchanged
            let sections = suite.sections.map { $0.counts.total - $0.counts.unchanged } ?? 0
            var summary = [Self.kindCounts(suite.counts)].filter { !$0.isEmpty }
            if let counts = suite.sections?.counts, sections > 0 {
                summary.append("sections: \(Self.kindCounts(counts))")
            }
            var block =
                "\n<details><summary>\(Self.escapeHTML(suite.name)): \(summary.joined(separator: "; "))</summary>\n\n"
            let rows = full ? [] : Self.rows(2 * Self.maximumRows, of: try parts(index))
            let caseRows = min(differences, Self.maximumRows)
            var taken = take(
                rows.prefix(caseRows)[...], differences: differences, header: Self.caseHeader, into: &block)
            let sectionHeader = (taken > 0 ? "\n" : "") + Self.resourceHeader(.sections)
            taken += take(rows.dropFirst(caseRows), differences: sections, header: sectionHeader, into: &block)
            // A suite none of whose rows fit is left out whole, never an empty block.
            if taken > 0 { out += block + close }
        }
        // The project-wide resources are known only now, after every suite.
        for resource in report.resources where resource.differs && !summaryOnly {
            let differences = resource.differences
            var block =
                "\n<details><summary>\(resource.resource.title): \(Self.kindCounts(resource.counts))</summary>\n\n"
            let rows = differences.prefix(Self.maximumRows).map { Data(recordRow($0, of: report).utf8) }
            let taken = take(
                rows[...], differences: differences.count, header: Self.resourceHeader(resource.resource), into: &block)
            if taken > 0 { out += block + close }
        }
        if omitted > 0 {
            out += "\n_\(omitted) more difference\(omitted == 1 ? "" : "s") not listed; the JSON diff has every one._\n"
        }
        out += notesText
        try output(Data(out.utf8))
    }
}
