import Foundation

extension HTMLRenderer {
    /// Everything before the suites' data: the head, the header (sides, options, verdict), the chart, the summary
    /// table, the notes, the filters and one empty block per suite for the script to fill.
    func opening(_ report: ComparisonReport, context: RenderContext) -> String {
        let title = "casediff: \(report.left.label) \u{2192} \(report.right.label)"
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="casediff \(Self.escape(context.toolVersion))">
            <title>\(Self.escape(title))</title>
            <style>
            \(HTMLReportStyle.source)</style>
            </head>
            <body>
            <a class="skip" href="#cases">Skip to the cases</a>

            """
        out += header(report, context: context)
        out += "<section id=\"summary\" aria-labelledby=\"summary-title\">\n"
        out += "<h2 id=\"summary-title\">Summary</h2>\n"
        out += chart(report)
        out += summaryTable(report)
        out += "</section>\n"
        out += notes(report)
        out += filters(report)
        out += "<main id=\"cases\" tabindex=\"-1\">\n"
        out +=
            "<noscript><p class=\"notice\">The list of cases needs JavaScript; the summary above has the counts, and "
        out += "the JSON diff (<code>--json</code>) has every case.</p></noscript>\n"
        // A block per suite, then per project-wide resource; in each, a group per list of records the script
        // draws (the cases, the suite's sections), in the order of the meta's `groups`.
        for (index, suite) in report.suites.enumerated() {
            out += "<section class=\"suite\" id=\"suite-\(index)\" data-suite=\"\(index)\" hidden>"
            out += "<h3><span class=\"suite-name\">\(Self.escape(suite.name))</span> "
            out += "<span class=\"suite-shown\"></span></h3>"
            out += "<div class=\"group\" data-resource=\"cases\"><div class=\"rows\"></div></div>"
            if suite.sections != nil {
                out += "<div class=\"group\" data-resource=\"sections\"><h4>Sections <span class=\"shown\"></span>"
                out += "</h4><div class=\"rows\"></div></div>"
            }
            out += "</section>\n"
        }
        for resource in report.resources {
            let name = resource.resource.rawValue
            out += "<section class=\"suite resource\" id=\"resource-\(name)\" data-resource=\"\(name)\" hidden>"
            out += "<h3><span class=\"suite-name\">\(Self.escape(resource.resource.title))</span> "
            out += "<span class=\"suite-shown\"></span></h3>"
            out += "<div class=\"group\" data-resource=\"\(name)\"><div class=\"rows\"></div></div></section>\n"
        }
        out += "</main>\n"
        out += "<script type=\"application/json\" id=\"meta\">"
        out += String(decoding: Self.scriptSafe(meta(report)), as: UTF8.self)
        out += "</script>\n"
        return out
    }

    private func header(_ report: ComparisonReport, context: RenderContext) -> String {
        let totals = report.totals
        var out = "<header>\n<h1>casediff report</h1>\n"
        let differences = totals.total - totals.unchanged
        if report.hasDrift {
            out += "<p class=\"verdict drift\" id=\"verdict\"><strong>Drift:</strong> "
            out += "\(Self.escape(report.driftDescription)) (exit code 1)"
        } else {
            out += "<p class=\"verdict same\" id=\"verdict\"><strong>No drift</strong> (exit code 0)"
        }
        let counted = CaseStatus.driftKinds.filter { totals[$0] > 0 }.map { "\(totals[$0]) \($0.rawValue)" }
        let others = report.resourceTotals.filter(\.differs)
        let cases = report.options.compares(.cases)
        out += " \u{2014} " + (others.isEmpty && cases ? "" : "cases: ")
        if cases {
            out += counted.isEmpty ? "no differences" : counted.joined(separator: ", ")
            out += "; \(totals.unchanged) unchanged"
        } else {
            out += "not compared"
        }
        if differences > totals.drift {
            let other = differences - totals.drift
            out += "; \(other) difference\(other == 1 ? "" : "s") not counted as drift"
        }
        for total in others {
            let kinds = CaseStatus.driftKinds.filter { total.counts[$0] > 0 }
            out += "; \(total.resource.title.lowercased()): "
            out += kinds.map { "\(total.counts[$0]) \($0.rawValue)" }.joined(separator: ", ")
        }
        out += ".</p>\n"
        out += "<table class=\"sides\">\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">Project</th>"
        out += "<th scope=\"col\">Instance</th><th scope=\"col\">Source</th><th scope=\"col\">Cases</th></tr></thead>\n"
        out += "<tbody>\n"
        for (name, side) in [("Left (baseline)", report.left), ("Right", report.right)] {
            out += "<tr><th scope=\"row\">\(name)</th>"
            out += "<td>\(Self.escape(side.projectName)) (P\(side.projectID))</td>"
            if let root = side.instanceLink {
                out += "<td><a href=\"\(Self.escape(root))\">\(Self.escape(side.instance))</a></td>"
            } else {
                out += "<td>\(Self.escape(side.instance.isEmpty ? "(no URL)" : side.instance))</td>"
            }
            // Cases not compared (`--resources`) were not fetched either: no count to give.
            let count = report.options.compares(.cases) ? String(side.cases) : "\u{2014}"
            out += "<td>\(Self.escape(source(side)))</td><td>\(count)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<dl class=\"options\">\n"
        var options: [(String, String)] = [
            ("Matched by", TableRenderer.matchDescription(report.options)),
            ("Compared", report.options.resources.sorted().map(\.title).joined(separator: ", ")),
            ("Compared fields", report.comparedFields.map(\.name).joined(separator: ", ")),
            ("Drift is", report.options.failOnDescription),
        ]
        if report.options.compareAttachments { options.append(("Attachments", "compared by id")) }
        // The rate and the fetch's figures belong to the run, not the data: left out with `--reproducible` (no
        // metrics), as the JSON leaves out its `run` block.
        if let metrics = context.metrics {
            if let rate = context.rateDescription ?? context.rateProfile.map({ "\($0)" }) {
                options.append(("Rate limit", rate))
            }
            options.append(("Fetched", metrics.summary))
        }
        var made = "casediff \(context.toolVersion)"
        if let generatedAt = context.generatedAt { made += ", " + ComparisonReport.Side.minute(generatedAt) + " UTC" }
        options.append(("Made by", made))
        for (term, value) in options {
            out += "<dt>\(Self.escape(term))</dt><dd>\(Self.escape(value))</dd>\n"
        }
        out += "</dl>\n</header>\n"
        return out
    }

    /// Where a side's data came from: `live project` (fetched by this run or read from the store: the Fetched line
    /// says which), or the snapshot file and when it was taken.
    private func source(_ side: ComparisonReport.Side) -> String {
        guard let file = side.snapshotFile else { return "live project" }
        let taken = side.snapshotTakenAt.map { ", as of \(ComparisonReport.Side.minute($0)) UTC" } ?? ""
        return "snapshot \(file)\(taken)"
    }

    /// The per-suite totals; every non-zero count links to its view.
    ///
    /// With `--resources sections`, a last column counts each suite's sections that differ (drift or not), linked to
    /// them: a suite whose cases all match but whose sections do not reads as differing here too.
    private func summaryTable(_ report: ComparisonReport) -> String {
        let sections = report.options.compares(.sections)
        var out = "<table class=\"totals\">\n<thead><tr><th scope=\"col\">Suite</th><th scope=\"col\">Left</th>"
        out += "<th scope=\"col\">Right</th>"
        for (status, symbol) in Self.symbols {
            out += "<th scope=\"col\" class=\"k-\(status.rawValue)\"><span class=\"sym\" aria-hidden=\"true\">"
            out += "\(symbol)</span> \(status.rawValue.capitalized)</th>"
        }
        out += "<th scope=\"col\">Drift</th>"
        if sections { out += "<th scope=\"col\" title=\"sections that differ\">Sections</th>" }
        out += "</tr></thead>\n<tbody>\n"
        func row(
            _ name: String, suite: String?, _ left: Int, _ right: Int, _ counts: StatusCounts, total: Bool,
            sectionCounts: StatusCounts?
        ) {
            out += total ? "<tr class=\"total\">" : "<tr>"
            if let suite {
                let view = Self.escape(Self.fragment([("suite", suite), ("all", "1")]))
                out += "<td><a href=\"\(view)\">\(Self.escape(name))</a></td>"
            } else {
                out += "<th scope=\"row\">\(Self.escape(name))</th>"
            }
            out += "<td>\(left)</td><td>\(right)</td>"
            for (status, _) in Self.symbols {
                let count = counts[status]
                guard count > 0 else {
                    out += "<td class=\"zero\">0</td>"
                    continue
                }
                out += "<td><a href=\"\(Self.escape(Self.view(suite: suite, kind: status, report)))\">\(count)</a></td>"
            }
            out += "<td>\(counts.drift)</td>"
            if sections {
                let differing = sectionCounts.map { $0.total - $0.unchanged } ?? 0
                if differing > 0 {
                    let pairs = (suite.map { [("suite", $0)] } ?? []) + [("res", "sections"), ("all", "1")]
                    out += "<td><a href=\"\(Self.escape(Self.fragment(pairs)))\">\(differing)</a></td>"
                } else {
                    out += "<td class=\"zero\">0</td>"
                }
            }
            out += "</tr>\n"
        }
        for suite in report.suites {
            row(
                suite.name, suite: suite.name, suite.leftCases, suite.rightCases, suite.counts, total: false,
                sectionCounts: suite.sections?.counts)
        }
        out += "</tbody>\n<tfoot>\n"
        row(
            "Total", suite: nil, report.left.cases, report.right.cases, report.totals, total: true,
            sectionCounts: report.suites.compactMap(\.sections).reduce(StatusCounts()) { $0 + $1.counts })
        out += "</tfoot>\n</table>\n"
        return out + resourceTable(report)
    }

    /// Every other compared resource's totals (the sections of every suite together); every non-zero count links
    /// to its view. Empty when only the cases are compared.
    private func resourceTable(_ report: ComparisonReport) -> String {
        let totals = report.resourceTotals
        guard !totals.isEmpty else { return "" }
        var out = "<table class=\"totals resources\">\n<thead><tr><th scope=\"col\">Resource</th>"
        out += "<th scope=\"col\">Left</th><th scope=\"col\">Right</th>"
        for (status, symbol) in Self.symbols {
            out += "<th scope=\"col\" class=\"k-\(status.rawValue)\"><span class=\"sym\" aria-hidden=\"true\">"
            out += "\(symbol)</span> \(status.rawValue.capitalized)</th>"
        }
        out += "<th scope=\"col\">Drift</th></tr></thead>\n<tbody>\n"
        for total in totals {
            let resource = total.resource
            let view = Self.escape(Self.fragment([("res", resource.rawValue), ("all", "1")]))
            out += "<tr data-resource=\"\(resource.rawValue)\"><td><a href=\"\(view)\">"
            out += "\(Self.escape(resource.title))</a></td><td>\(total.left)</td><td>\(total.right)</td>"
            for (status, _) in Self.symbols {
                let count = total.counts[status]
                guard count > 0 else {
                    out += "<td class=\"zero\">0</td>"
                    continue
                }
                let link = Self.escape(Self.view(suite: nil, kind: status, resource: resource, report))
                out += "<td><a href=\"\(link)\">\(count)</a></td>"
            }
            out += "<td>\(total.counts.drift)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Duplicate keys, fields only one side has, keyless cases and the comparison's own notes.
    private func notes(_ report: ComparisonReport) -> String {
        var items: [String] = report.duplicates.map { duplicate in
            let place = duplicate.suite.map { " in \($0)" } ?? ""
            return "Duplicate key\(place): \(duplicate.key) (\(duplicate.left) left, \(duplicate.right) right)"
        }
        items += report.oneSidedFields.map { "Not compared: \($0.field) exists only in the \($0.side) project" }
        if report.keylessLeft + report.keylessRight > 0 {
            items.append(
                "Cases without a match key: \(report.keylessLeft) left, \(report.keylessRight) right; "
                    + "\(report.keylessPairedByTitle) paired by their exact title")
        }
        items += report.notes
        guard !items.isEmpty else { return "" }
        var out = "<section id=\"notes\" aria-labelledby=\"notes-title\">\n<h2 id=\"notes-title\">Notes</h2>\n<ul>\n"
        for item in items { out += "<li>\(Self.escape(item))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    /// The filters: kinds, suite, text, "only what drifted"; the script keeps them and the URL fragment in step.
    private func filters(_ report: ComparisonReport) -> String {
        let resources = report.resourceTotals
        let totals = resources.reduce(report.totals) { $0 + $1.counts }
        var out = "<form id=\"filters\" role=\"search\" aria-label=\"Filter the cases\">\n"
        out += "<fieldset class=\"kinds\"><legend>Kinds</legend>\n"
        for (status, symbol) in Self.symbols {
            out += "<label class=\"k-\(status.rawValue)\"><input type=\"checkbox\" name=\"kind\" "
            out += "value=\"\(status.rawValue)\" checked> <span class=\"sym\" aria-hidden=\"true\">\(symbol)</span> "
            out += "\(status.rawValue) <span class=\"count\">\(totals[status])</span></label>\n"
        }
        out += "</fieldset>\n"
        // What to list, when more than the cases are compared: each resource with how many of it differ.
        if !resources.isEmpty {
            out += "<fieldset class=\"resources\"><legend>Show</legend>\n"
            let cases = report.totals
            for (resource, counts) in [(ProjectResource.cases, cases)] + resources.map({ ($0.resource, $0.counts) }) {
                out += "<label><input type=\"checkbox\" name=\"res\" value=\"\(resource.rawValue)\" checked> "
                out += "\(Self.escape(resource.title)) <span class=\"count\" title=\"differing\">"
                out += "\(counts.total - counts.unchanged)</span></label>\n"
            }
            out += "</fieldset>\n"
        }
        out += "<label class=\"suite-filter\">Suite <select id=\"suite-filter\">"
        out += "<option value=\"\">All suites</option>"
        var seen: Set<String> = []
        for suite in report.suites where seen.insert(suite.name).inserted {
            out += "<option value=\"\(Self.escape(suite.name))\">\(Self.escape(suite.name))</option>"
        }
        out += "</select></label>\n"
        out += "<label class=\"search\">Search <input type=\"search\" id=\"search\" "
        out +=
            "placeholder=\"title, section, C123, #45, field\" aria-keyshortcuts=\"/\" autocomplete=\"off\"></label>\n"
        out +=
            "<label class=\"drift-only\"><input type=\"checkbox\" id=\"drift-only\" checked> Only what drifted</label>\n"
        out += "<button type=\"button\" id=\"reset\" title=\"Every kind, every suite, no search, only what drifted\">"
        out += "Reset the view</button>\n"
        out += "</form>\n"
        out += "<p id=\"shown\" aria-live=\"polite\"></p>\n"
        out += "<p class=\"keys\">Keys: <kbd>/</kbd> search, <kbd>j</kbd> <kbd>k</kbd> next and previous row, "
        out += "<kbd>Enter</kbd> open or close, <kbd>Esc</kbd> leave the search.</p>\n"
        return out
    }

    /// What the script needs besides the suites' data: the kinds, what counts as drift, the two sides' case links,
    /// each suite's name and counts, and each kind's symbol (as the summary shows them).
    private func meta(_ report: ComparisonReport) -> Data {
        var writer = JSONWriter(style: .compact)
        writer.beginObject()
        writer.key("drift")
        writer.beginArray()
        for status in CaseStatus.allCases where report.options.failOn.contains(status) {
            writer.string(status.rawValue)
        }
        writer.endArray()
        writer.key("kinds")
        writer.beginArray()
        for status in CaseStatus.allCases { writer.string(status.rawValue) }
        writer.endArray()
        writer.key("suites")
        writer.beginArray()
        for suite in report.suites {
            writer.beginObject()
            writer.key("counts")
            writer.beginArray()
            for status in CaseStatus.allCases { writer.int(suite.counts[status]) }
            writer.endArray()
            writer.key("drift")
            writer.int(suite.counts.drift)
            writer.key("name")
            writer.string(suite.name)
            writer.endObject()
        }
        writer.endArray()
        // Every group of records the page draws, in the page's order: a suite's cases and sections, then each
        // project-wide resource; `part` names its data element and `list` the list in it.
        writer.key("groups")
        writer.beginArray()
        func group(
            _ writer: inout JSONWriter, _ part: String, list: Int, _ resource: ProjectResource, suite: Int?,
            _ counts: StatusCounts
        ) {
            writer.beginObject()
            writer.key("counts")
            writer.beginArray()
            for status in CaseStatus.allCases { writer.int(counts[status]) }
            writer.endArray()
            writer.key("drift")
            writer.int(counts.drift)
            writer.key("list")
            writer.int(list)
            writer.key("part")
            writer.string(part)
            writer.key("resource")
            writer.string(resource.rawValue)
            writer.key("suite")
            writer.int(suite ?? -1)
            writer.endObject()
        }
        for (index, suite) in report.suites.enumerated() {
            group(&writer, "data-\(index)", list: 1, .cases, suite: index, suite.counts)
            if let sections = suite.sections {
                group(&writer, "data-\(index)", list: 2, .sections, suite: index, sections.counts)
            }
        }
        for (index, resource) in report.resources.enumerated() {
            group(&writer, "res-\(index)", list: 1, resource.resource, suite: nil, resource.counts)
        }
        writer.endArray()
        /// Both sides' link prefixes, null where a side has none.
        func prefixes(_ writer: inout JSONWriter, _ key: String, _ prefix: KeyPath<ComparisonReport.Side, String?>) {
            writer.key(key)
            writer.beginArray()
            writer.string(orNull: report.left[keyPath: prefix])
            writer.string(orNull: report.right[keyPath: prefix])
            writer.endArray()
        }
        prefixes(&writer, "links", \.caseLinkPrefix)
        // The compared resources in the filters' order (the cases, the sections, the project-wide ones), with their
        // names in a sentence.
        writer.key("resources")
        writer.beginArray()
        for resource in [ProjectResource.cases] + report.resourceTotals.map(\.resource) {
            writer.beginArray()
            writer.string(resource.rawValue)
            writer.string(resource.singular)
            writer.endArray()
        }
        writer.endArray()
        prefixes(&writer, "suiteLinks", \.suiteLinkPrefix)
        writer.key("symbols")
        writer.beginArray()
        for status in CaseStatus.allCases { writer.string(Self.symbol(status)) }
        writer.endArray()
        writer.endObject()
        return writer.data()
    }
}
