import Foundation

/// Renders a report as JUnit XML: one `<testsuite>` per suite, one `<testcase>` per compared case and section, one
/// `<testsuite>` per project-wide resource (`Suites`, `Fields`, …), a `<failure>` for each record that counts as
/// drift under `--fail-on`, so CI systems show drift natively.
///
/// A difference `--fail-on` leaves out passes, with what changed in `<system-out>`; a long changed text is one word
/// diff marked as the plain table marks it (`[-removed-]{+inserted+}`).
///
/// CI keeps a test's history by its class and name, so they hold nothing a run may change: the suite and section
/// path, the title, and an ordinal for a title the section holds more than once (`Login (2)`), never a case id (a
/// migrated or re-imported project has new ones); the ids are in the failure's text. Each `<testcase>` and
/// `<testsuite>` has `time="0"` (comparing a case takes no time worth a column); `<testsuites>` has the fetch's wall
/// time when the run measured it (not with `--reproducible`), so the same inputs give the same bytes there.
public struct JUnitRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport, context: RenderContext = .init()) -> String {
        (try? document(report, context: context)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The testcases' names in a suite, in the records' order: the title, then ` (2)`, ` (3)`… for the second and
    /// later case of one title in one class (suite and section path).
    ///
    /// Ordinals go to the baseline's cases first (by their left id), then to added ones (by right id), so a case
    /// added beside a namesake takes a new ordinal instead of the existing case's name and history; an ordinal that
    /// is some other case's real title (`Login (2)`) is skipped.
    ///
    /// A resource other than cases is named by its name (a section by its full path) in one class.
    static func names(_ records: [CaseRecord]) -> [String] {
        func place(_ record: CaseRecord, _ name: String) -> String {
            (record.resource == .cases ? record.current.sectionPath : "") + "\u{0}" + name
        }
        func title(_ record: CaseRecord) -> String {
            record.resource == .cases ? record.current.title : ChangeText.name(record)
        }
        var taken = Set(records.map { place($0, title($0)) })
        var seen: [String: Int] = [:]
        var names = records.map(title)
        let order = records.indices.sorted { a, b in
            let (l, r) = (records[a], records[b])
            return (l.left == nil ? 1 : 0, l.left?.id ?? l.right?.id ?? 0, a)
                < (r.left == nil ? 1 : 0, r.left?.id ?? r.right?.id ?? 0, b)
        }
        for index in order {
            let record = records[index]
            let title = title(record)
            var count = (seen[place(record, title)] ?? 0) + 1
            if count > 1 {
                while taken.contains(place(record, "\(title) (\(count))")) { count += 1 }
                names[index] = "\(title) (\(count))"
                taken.insert(place(record, names[index]))
            }
            seen[place(record, title)] = count
        }
        return names
    }

    /// A case's class is its suite and section path; another resource's is given.
    private func testcase(
        _ record: CaseRecord, name: String, suite: String, left: String, right: String, classname: String? = nil
    ) -> String {
        let side = record.current
        let classname =
            classname ?? (side.sectionPath.isEmpty ? suite : suite + SectionPaths.separator + side.sectionPath)
        let open =
            "    <testcase classname=\(Self.attribute(classname)) name=\(Self.attribute(name)) time=\"0\""
        guard record.status != .unchanged else { return open + "/>\n" }
        var message = ChangeText.summary(record)
        switch record.status {
        case .added: message = "only in \(right)"
        case .removed: message = "only in \(left)"
        default: break
        }
        if record.duplicate { message += " (duplicate key)" }
        let details =
            (["\(record.resource.singular) " + ChangeText.ids(record)]
            + record.changes.map {
                ChangeText.plainLine($0, limit: 400)
            }).joined(separator: "\n")
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

    /// The run's time in seconds with millisecond precision (`12.345`); `0` when not measured.
    static func time(_ metrics: FetchMetrics?) -> String {
        guard let metrics else { return "0" }
        return String(format: "%.3f", max(0, metrics.wallTime.inSeconds))
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
    /// The suite's `<testsuite>`, one `<testcase>` per compared case, then one per compared section (class
    /// `<suite>.sections`, named by its path).
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) -> Data {
        let (left, right) = (report.left.label, report.right.label)
        let sections = suite.sections?.records ?? []
        var out =
            "  <testsuite name=\(Self.attribute(suite.name)) tests=\"\(suite.counts.total + sections.count)\" "
            + "failures=\"\(suite.drift)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        for (record, name) in zip(suite.records, Self.names(suite.records)) {
            out += testcase(record, name: name, suite: suite.name, left: left, right: right)
        }
        let classname = suite.name + "." + ProjectResource.sections.rawValue
        for (record, name) in zip(sections, Self.names(sections)) {
            out += testcase(record, name: name, suite: suite.name, left: left, right: right, classname: classname)
        }
        out += "  </testsuite>\n"
        return Data(out.utf8)
    }

    /// A project-wide resource's `<testsuite>` (`Project: Suites`, `Project: Shared step sets`, …; the prefix keeps
    /// them apart from a TestRail suite named `Suites`), one `<testcase>` per record.
    private func testsuite(_ resource: ResourceComparison, of report: ComparisonReport) -> String {
        let (left, right) = (report.left.label, report.right.label)
        let title = "Project: " + resource.resource.title
        var out =
            "  <testsuite name=\(Self.attribute(title)) tests=\"\(resource.records.count)\" "
            + "failures=\"\(resource.counts.drift)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        for (record, name) in zip(resource.records, Self.names(resource.records)) {
            out += testcase(record, name: name, suite: title, left: left, right: right, classname: title)
        }
        return out + "  </testsuite>\n"
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        let (left, right) = (report.left.label, report.right.label)
        // Every compared record is a test: the cases and every other resource.
        let tests = report.totals.total + report.resourceTotals.reduce(0) { $0 + $1.counts.total }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\(Self.attribute("casediff: \(left) vs \(right)")) tests=\"\(tests)\" "
            + "failures=\"\(report.driftCount)\" errors=\"0\" skipped=\"0\" time=\"\(Self.time(context.metrics))\">\n"
        try output(Data(out.utf8))
        for index in report.suites.indices { try output(try parts(index)) }
        // The project-wide resources are known only now, after every suite.
        for resource in report.resources { try output(Data(testsuite(resource, of: report).utf8)) }
        try output(Data("</testsuites>\n".utf8))
    }
}
