extension HTMLRenderer {
    /// Suites the chart draws a bar for at most; the rest are named in one line (the table below has them all).
    static let chartSuites = 40

    /// The differences per kind, for all suites and then for each suite that has any, as stacked horizontal bars
    /// (SVG). Each segment links to its view (suite and kind), each suite's name to the suite; a segment wide
    /// enough carries its symbol and count, and every one has a tooltip.
    func chart(_ report: ComparisonReport) -> String {
        let differing = report.suites.filter(\.differs)
        guard !differing.isEmpty else {
            guard report.options.compares(.cases) else {
                return "<p class=\"chart-empty\">Cases were not compared (<code>--resources</code>).</p>\n"
            }
            return "<p class=\"chart-empty\">Every compared case matches.</p>\n"
        }
        let shown = Array(differing.prefix(Self.chartSuites))
        let kinds = CaseStatus.driftKinds
        let rows: [(name: String, suite: String?, counts: StatusCounts)] =
            [("All suites", nil, report.totals)] + shown.map { ($0.name, $0.name, $0.counts) }
        let largest = max(1, rows.map { row in kinds.reduce(0) { $0 + row.counts[$1] } }.max() ?? 1)
        let (labelWidth, barWidth, rowHeight, top) = (210.0, 470.0, 26.0, 30.0)
        let more = differing.count - shown.count
        let height = top + Double(rows.count) * rowHeight + (more > 0 ? rowHeight : 4)
        var out =
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 760 \(Self.number(height))\""
        out += " width=\"760\" height=\"\(Self.number(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title id=\"chart-title\">Differences per kind and suite; select a bar to list its cases</title>\n"
        var x = labelWidth
        for status in kinds {
            out += "<g class=\"legend k-\(status.rawValue)\"><rect x=\"\(Self.number(x))\" y=\"6\" width=\"14\" "
            out += "height=\"14\" rx=\"2\"/><text x=\"\(Self.number(x + 18))\" y=\"17\">\(Self.symbol(status)) "
            out += "\(status.rawValue)</text></g>\n"
            x += 104
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let name = row.name.count > 30 ? String(row.name.prefix(29)) + "\u{2026}" : row.name
            let suiteLink = Self.fragment((row.suite.map { [("suite", $0)] } ?? []) + [("all", "1")])
            out +=
                "<a href=\"\(Self.escape(suiteLink))\" class=\"bar-label\"><text x=\"\(Self.number(labelWidth - 8))\" "
            out += "y=\"\(Self.number(y + 17))\" text-anchor=\"end\"\(index == 0 ? " font-weight=\"bold\"" : "")>"
            out += "\(Self.escape(name))<title>\(Self.escape(row.name))</title></text></a>\n"
            var offset = labelWidth
            var total = 0
            for status in kinds where row.counts[status] > 0 {
                let count = row.counts[status]
                total += count
                let width = max(4, barWidth * Double(count) / Double(largest))
                out += "<a href=\"\(Self.escape(Self.view(suite: row.suite, kind: status, report)))\" "
                out += "class=\"segment k-\(status.rawValue)\" "
                out += "aria-label=\"\(Self.escape(row.name)): \(count) \(status.rawValue)\">"
                out += "<rect x=\"\(Self.number(offset))\" y=\"\(Self.number(y + 3))\" width=\"\(Self.number(width))\" "
                out += "height=\"\(Self.number(rowHeight - 6))\"><title>\(Self.escape(row.name)): \(count) "
                out += "\(status.rawValue)</title></rect>"
                let label = "\(Self.symbol(status))\u{2009}\(count)"
                if width >= Double(label.count) * 8 + 6 {
                    out += "<text x=\"\(Self.number(offset + width / 2))\" y=\"\(Self.number(y + 17))\" "
                    out += "text-anchor=\"middle\" class=\"inside\">\(label)</text>"
                }
                out += "</a>\n"
                offset += width
            }
            out +=
                "<text x=\"\(Self.number(offset + 6))\" y=\"\(Self.number(y + 17))\" class=\"total\">\(total)</text>\n"
        }
        if more > 0 {
            let y = top + Double(rows.count) * rowHeight
            out +=
                "<text x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(y + 17))\" class=\"more\">and \(more) more "
            out += "suite\(more == 1 ? "" : "s") with differences (in the table below)</text>\n"
        }
        return out + "</svg>\n"
    }

    /// A coordinate with at most one decimal, the same bytes on every run.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int(tenths / 10)) : String(Int(tenths / 10)) + "." + String(abs(Int(tenths)) % 10)
    }
}
