import Foundation

/// Renders a report as JUnit XML: one `<testsuite>` per suite, one `<testcase>` per compared case, a `<failure>`
/// for each case that counts as drift under `--fail-on`, so CI systems show drift natively.
///
/// A difference `--fail-on` leaves out passes, with what changed in `<system-out>`. Nothing volatile (no times), so
/// the same inputs give the same bytes.
public struct JUnitRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport) -> String {
        (try? document(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private func testcase(_ record: CaseRecord, suite: String, left: String, right: String) -> String {
        let side = record.current
        let classname = side.sectionPath.isEmpty ? suite : suite + SectionPaths.separator + side.sectionPath
        let ids = ChangeText.ids(record, arrow: "→")
        let open =
            "    <testcase classname=\(Self.attribute(classname)) name=\(Self.attribute("\(side.title) [\(ids)]"))"
        guard record.status != .unchanged else { return open + "/>\n" }
        var message = ChangeText.summary(record)
        switch record.status {
        case .added: message = "only in \(right)"
        case .removed: message = "only in \(left)"
        default: break
        }
        if record.duplicate { message += " (duplicate key)" }
        let details = record.changes.map { ChangeText.line($0, arrow: "->", limit: 400) }.joined(separator: "\n")
        var out = open + ">\n"
        if record.drift {
            out +=
                "      <failure type=\(Self.attribute(record.status.rawValue)) message=\(Self.attribute(message))>"
                + Self.text(details) + "</failure>\n"
        } else {
            out +=
                "      <system-out>" + Self.text("not drift under --fail-on: \(message)\n" + details)
                + "</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    /// An attribute value in double quotes, escaped.
    static func attribute(_ value: String) -> String {
        "\"" + text(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
            + "\""
    }

    /// Character data, escaped; characters XML 1.0 forbids (most C0 controls) are dropped.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension JUnitRenderer: SuitePartRenderer {
    /// The suite's `<testsuite>`, one `<testcase>` per compared case.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) -> Data {
        let (left, right) = (report.left.label, report.right.label)
        var out =
            "  <testsuite name=\(Self.attribute(suite.name)) tests=\"\(suite.counts.total)\" "
            + "failures=\"\(suite.counts.drift)\" errors=\"0\" skipped=\"0\">\n"
        for record in suite.records {
            out += testcase(record, suite: suite.name, left: left, right: right)
        }
        out += "  </testsuite>\n"
        return Data(out.utf8)
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        let (left, right) = (report.left.label, report.right.label)
        let totals = report.totals
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\(Self.attribute("casediff: \(left) vs \(right)")) tests=\"\(totals.total)\" "
            + "failures=\"\(totals.drift)\" errors=\"0\" skipped=\"0\">\n"
        try output(Data(out.utf8))
        for index in report.suites.indices { try output(try parts(index)) }
        try output(Data("</testsuites>\n".utf8))
    }
}
