import Foundation

/// Renders a report as one self-contained HTML page (inline CSS, SVG and script; nothing fetched): a header with
/// both sides, the options and the verdict, a summary chart and table, then every compared case with filters.
///
/// The header, chart, summary table and notes are plain HTML, readable without script (an e-mail preview). The
/// cases travel as data, one `<script type="application/json">` per suite (``part(_:of:)``), and the page's script
/// draws them: only the suites the reader reaches, a page of rows at a time, so a report of 100 000 cases opens as
/// fast as one of a hundred. Every value is set as text by the script, never parsed as HTML, and `<` in the data is
/// written `\u003c`, so a title like `</script>` stays a title.
///
/// The bytes depend only on the report and the context: with `--reproducible` (no time, no metrics) the same inputs
/// give the same file.
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport, context: RenderContext = .init()) -> String {
        (try? document(report, context: context)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Kinds with their symbols, in listing order: told apart by symbol as well as colour.
    static let symbols: [(CaseStatus, String)] = [
        (.added, "+"), (.removed, "\u{2212}"), (.changed, "~"), (.moved, "\u{2192}"), (.renamed, "\u{270E}"),
        (.unchanged, "="),
    ]

    static func symbol(_ status: CaseStatus) -> String {
        symbols.first { $0.0 == status }!.1
    }

    /// Text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The view of one kind's cases (in one suite, or all) or of one kind of another resource:
    /// `#suite=Checkout&kind=moved`, with `res=sections` when more than the cases are compared and `&all=1` when
    /// `--fail-on` leaves the kind out, so its records show although they did not drift.
    static func view(
        suite: String?, kind: CaseStatus, resource: ProjectResource = .cases, _ report: ComparisonReport
    ) -> String {
        var pairs: [(String, String)] = suite.map { [("suite", $0)] } ?? []
        pairs.append(("kind", kind.rawValue))
        if report.options.resources != [resource] { pairs.append(("res", resource.rawValue)) }
        if !report.options.drift[resource].contains(kind) { pairs.append(("all", "1")) }
        return fragment(pairs)
    }

    /// A URL fragment naming one view of the report (`#suite=Checkout&kind=changed`), as the page's script reads it:
    /// each value percent-encoded but for the unreserved characters.
    static func fragment(_ pairs: [(String, String)]) -> String {
        var unreserved = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<"\u{80}"))
        unreserved.insert(charactersIn: "-._~,")
        return "#"
            + pairs.map { key, value in
                key + "=" + (value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
            }.joined(separator: "&")
    }
}

extension HTMLRenderer: SuitePartRenderer {
    /// The suite's cases as compact JSON, `[places, records]`, then its sections' records when they are compared
    /// (`[places, records, sections]`, a section's place its parent's path):
    /// - `places`: the section paths its cases name (with the suite first when a case's suite is another, with
    ///   `--cross-suite`), each once;
    /// - a record: `[status, flags, left, right, changes?, key?]`, status as its index in ``CaseStatus/allCases``,
    ///   flags 1 for drift and 2 for a duplicate key, a side `[id, place, title]` (the right one `[id]` when it has
    ///   the left's place and title) or 0 when absent, the key only when matching by a field;
    /// - a change: `[field, kind, step, part, left, right, origin?]`, `step` the step's index or -1 for a whole
    ///   field, `part` the step's part (`expected`) or "", each side's runs (``SideBySide``) or 0 when absent.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) throws -> Data {
        var part = Part(suite: suite.name, report: report)
        var lists = [part.records(suite.records)]
        if let sections = suite.sections { lists.append(part.records(sections.records)) }
        return part.data(lists)
    }

    /// A project-wide resource's records (suites, shared step sets, fields, templates) in the shape of a suite's
    /// part, `[places, records]`; their places are empty.
    func part(_ resource: ResourceComparison, of report: ComparisonReport) -> Data {
        var part = Part(suite: nil, report: report)
        let records = part.records(resource.records)
        return part.data([records])
    }

    /// One part's place table and record lists, written as they are met.
    private struct Part {
        var suite: String?
        var byField: Bool
        var places: [String: Int] = [:]
        var placeList: [String] = []

        init(suite: String?, report: ComparisonReport) {
            self.suite = suite
            if case .field = report.options.match { byField = true } else { byField = false }
        }

        mutating func place(_ side: CaseRecord.Side) -> Int {
            let text =
                suite == nil || side.suite == suite
                ? side.sectionPath : side.suite + SectionPaths.separator + side.sectionPath
            if let index = places[text] { return index }
            places[text] = placeList.count
            placeList.append(text)
            return placeList.count - 1
        }

        mutating func records(_ list: [CaseRecord]) -> Data {
            var records = JSONWriter(style: .compact, capacity: 64 * max(list.count, 1))
            records.beginArray()
            for record in list {
                records.beginArray()
                records.int(CaseStatus.allCases.firstIndex(of: record.status)!)
                records.int((record.drift ? 1 : 0) | (record.duplicate ? 2 : 0))
                var leftPlace: Int?
                if let left = record.left {
                    leftPlace = place(left)
                    records.beginArray()
                    records.int(left.id)
                    records.int(leftPlace!)
                    records.string(left.title)
                    records.endArray()
                } else {
                    records.int(0)
                }
                if let right = record.right {
                    let rightPlace = place(right)
                    records.beginArray()
                    records.int(right.id)
                    if rightPlace != leftPlace || right.title != record.left?.title {
                        records.int(rightPlace)
                        records.string(right.title)
                    }
                    records.endArray()
                } else {
                    records.int(0)
                }
                if !record.changes.isEmpty || (byField && !record.key.isEmpty) {
                    records.beginArray()
                    for change in record.changes { HTMLRenderer.write(change, to: &records) }
                    records.endArray()
                }
                if byField, !record.key.isEmpty { records.string(record.key) }
                records.endArray()
            }
            records.endArray()
            return records.data()
        }

        /// `[places, list, …]`, safe inside a script element.
        func data(_ lists: [Data]) -> Data {
            var out = JSONWriter(style: .compact)
            out.beginArray()
            for text in placeList { out.string(text) }
            out.endArray()
            var data = Data("[".utf8)
            data.append(out.data())
            for list in lists {
                data.append(UInt8(ascii: ","))
                data.append(list)
            }
            data.append(UInt8(ascii: "]"))
            return HTMLRenderer.scriptSafe(data)
        }
    }

    fileprivate static func write(_ change: FieldChange, to writer: inout JSONWriter) {
        writer.beginArray()
        writer.string(change.field)
        writer.int(CaseStatus.allCases.firstIndex(of: change.kind)!)
        switch change.location {
        case .field:
            writer.int(-1)
            writer.string("")
        case .step(let index, let key):
            writer.int(index)
            writer.string(key ?? "")
        }
        let (left, right) = SideBySide.runs(change)
        for runs in [left, right] {
            if let runs {
                writer.beginArray()
                for run in runs { writer.string(run) }
                writer.endArray()
            } else {
                writer.int(0)
            }
        }
        if let origin = change.origin { writer.string(origin) }
        writer.endArray()
    }

    /// JSON that can sit inside a `<script>` element: every `<` (only ever inside a string) as `\u003c`, so no
    /// value can close the element or open a comment.
    static func scriptSafe(_ data: Data) -> Data {
        guard data.contains(UInt8(ascii: "<")) else { return data }
        var out = Data(capacity: data.count + 64)
        for byte in data {
            if byte == UInt8(ascii: "<") {
                out.append(contentsOf: #"\u003c"#.utf8)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        try output(Data(opening(report, context: context).utf8))
        for index in report.suites.indices {
            try output(Data("<script type=\"application/json\" id=\"data-\(index)\">".utf8))
            try output(try parts(index))
            try output(Data("</script>\n".utf8))
        }
        for (index, resource) in report.resources.enumerated() {
            try output(Data("<script type=\"application/json\" id=\"res-\(index)\">".utf8))
            try output(part(resource, of: report))
            try output(Data("</script>\n".utf8))
        }
        try output(Data(("<script>\n" + HTMLReportScript.source + "</script>\n</body>\n</html>\n").utf8))
    }
}
