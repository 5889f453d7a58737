import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// The HTML report's bytes: the data the page's script reads, escaping, links, the chart's views. What the page shows
/// in a browser is tested in a real one (Tests/Browser, `make browser-test`).
@Suite struct HTMLRendererTests {
    typealias Support = ComparatorTestSupport

    static let hostile = "</script><img src=x onerror=alert(1)><!-- & \"quoted\""

    func report(suite: String = "Checkout & co", failOn: Set<CaseStatus> = Set(CaseStatus.driftKinds)) throws
        -> ComparisonReport
    {
        let steps: (String) -> [String: JSONValue] = { expected in
            [
                "custom_steps_separated": .array([
                    .object(["content": .string("Open the cart"), "expected": .string("The cart opens")]),
                    .object(["content": .string("Pay"), "expected": .string(expected)]),
                ])
            ]
        }
        let left = Support.makeProject(suites: [
            (
                suite,
                [
                    Support.makeCase(1, Self.hostile),
                    Support.makeCase(2, "Pay by card", custom: steps("Order confirmed")),
                    Support.makeCase(3, "Moved case"),
                ]
            )
        ])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    suite,
                    [
                        Support.makeCase(11, Self.hostile, priority: 3),
                        Support.makeCase(12, "Pay by card", custom: steps("Order confirmed and\ne-mailed")),
                        Support.makeCase(13, "Moved case", section: 2),
                    ]
                )
            ])
        return try ProjectComparator(options: ComparisonOptions(failOn: failOn)).compare(left, right)
    }

    func page(_ report: ComparisonReport, context: RenderContext = RenderContext(toolVersion: "test")) -> String {
        HTMLRenderer().render(report, context: context)
    }

    /// The JSON of suite `index`'s data element.
    func data(_ page: String, suite index: Int = 0) throws -> [Any] {
        let open = "<script type=\"application/json\" id=\"data-\(index)\">"
        let start = try #require(page.range(of: open)).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as? [Any])
    }

    @Test func markupInTheDataCannotLeaveItsScriptElement() throws {
        let report = try report()
        let page = page(report)
        // Only the report's own elements close: the meta data, one per suite, and the page's script.
        #expect(page.components(separatedBy: "</script>").count - 1 == 2 + report.suites.count)
        #expect(!page.contains("<img"))
        #expect(!page.contains("<!-- &"))
        #expect(page.contains(#"\u003c/script>\u003cimg src=x onerror=alert(1)>\u003c!-- & \"quoted\""#))
        // The data parses back to the title as it was.
        let records = try #require(try data(page)[1] as? [[Any]])
        let titles = records.compactMap { ($0[2] as? [Any])?[2] as? String }
        #expect(titles.contains(Self.hostile))
        // In the static page (suite name, options) text is escaped for HTML.
        #expect(page.contains("<span class=\"suite-name\">Checkout &amp; co</span>"))
    }

    @Test func recordsCarryStatusFlagsSidesAndChangesInAFixedShape() throws {
        let records = try #require(try data(page(try report()))[1] as? [[Any]])
        let places = try #require(try data(page(try report()))[0] as? [String])
        // The sections' places (their parents' paths, "" at the top) share the cases' table.
        #expect(places == ["Root", "Other", ""])
        // [status, flags, left, right, changes]: a moved case has the right side's own place.
        let moved = try #require(records.first { ($0[0] as? Int) == CaseStatus.allCases.firstIndex(of: .moved) })
        #expect(moved[1] as? Int == 1)
        #expect((moved[2] as? [Any]).map { $0.count } == 3)
        #expect((moved[3] as? [Any])?[1] as? Int == 1, "the right side's place: Other")
        // A changed step: its index, its part, each side's runs (kept, marked, kept…), the line break kept.
        let pay = try #require(records.first { (($0[2] as? [Any])?[2] as? String) == "Pay by card" })
        let changes = try #require(pay[4] as? [[Any]])
        let step = try #require(changes.first)
        #expect(step[0] as? String == "custom_steps_separated")
        #expect(step[2] as? Int == 1 && step[3] as? String == "expected")
        #expect(step[4] as? [String] == ["Order confirmed"])
        #expect(step[5] as? [String] == ["Order confirmed ", "and\ne-mailed"])
        // An unchanged right side with the left's place and title is its id alone.
        #expect((pay[3] as? [Any])?.count == 1)
    }

    @Test func sideBySideKeepsEachSidesWhiteSpaceAndMarksOnlyWhatDiffers() {
        let text = SideBySide.runs(.string("Open  the cart\nthen pay"), .string("Open the basket\nthen pay now"))
        #expect(text.left == ["Open  the ", "cart", "\nthen pay"])
        #expect(text.right == ["Open the ", "basket", "\nthen pay ", "now"])
        #expect((text.left ?? []).joined() == "Open  the cart\nthen pay")
        let list = SideBySide.runs(
            .array([.string("smoke"), .string("ui")]), .array([.string("api"), .string("smoke")]))
        #expect(list.left == ["smoke, ", "ui"])
        #expect(list.right == ["", "api", ", smoke"])
        let number = SideBySide.runs(.int(3), .int(2))
        #expect(number.left == ["", "3"] && number.right == ["", "2"])
        let added = SideBySide.runs(.null, .object(["content": .string("Pay"), "expected": .string("Paid")]))
        #expect(added.left == nil && added.right == ["", "Pay\nexpected: Paid"])
        let rich = SideBySide.runs(
            .string("<p>Line 1<br>Line 2</p><ul><li>one</li><li>a &lt; b</li></ul>"), .string("<p>Line 1</p>"))
        #expect(rich.left == ["Line 1\n", "Line 2\none\na < b"] && rich.right == ["Line 1"])
        let refs = SideBySide.runs(FieldChange(field: "refs", old: "SHOP-1", new: "SHOP-1, SHOP-2", kind: .changed))
        #expect(refs.left == ["SHOP-1"] && refs.right == ["SHOP-1, ", "SHOP-2"])
    }

    @Test func everyCountLinksToItsViewAndKindsOutsideFailOnIncludeWhatDidNotDrift() throws {
        let page = page(try report(failOn: [.changed]))
        // The sections are compared too (the default), so a count of cases names the cases.
        #expect(page.contains("href=\"#suite=Checkout%20%26%20co&amp;kind=changed&amp;res=cases\""))
        #expect(page.contains("href=\"#suite=Checkout%20%26%20co&amp;kind=moved&amp;res=cases&amp;all=1\""))
        #expect(page.contains("class=\"segment k-moved\""))
        #expect(HTMLRenderer.fragment([("q", "a b/é")]) == "#q=a%20b%2F%C3%A9")
    }

    @Test func theHeaderSaysWhereEachSideCameFromAndTheVerdict() throws {
        var report = try report()
        report.right.snapshotFile = "base/shop.json"
        report.right.snapshotTakenAt = Date(timeIntervalSince1970: 1_795_000_000)
        report.right.instance = "not a URL"
        let live = page(
            report,
            context: RenderContext(
                toolVersion: "test", generatedAt: Date(timeIntervalSince1970: 0), metrics: FetchMetrics(),
                rateProfile: .cloud))
        #expect(live.contains("<td>live project</td>"))
        #expect(live.contains("<dd>casediff test, 1970-01-01 00:00 UTC</dd>"))
        #expect(live.contains("<dt>Rate limit</dt>") && live.contains("<dt>Fetched</dt>"))
        #expect(live.contains("<td>snapshot base/shop.json, as of 2026-11-18 "))
        #expect(
            live.contains("<p class=\"verdict drift\" id=\"verdict\"><strong>Drift:</strong> 3 cases (exit code 1)"))
        // A side without a URL has no case links; the other keeps its own.
        #expect(live.contains("\"links\":[\"https://example.test/index.php?/cases/view/\",null]"))
        let reproducible = page(report, context: RenderContext(toolVersion: "test", rateProfile: .cloud))
        #expect(reproducible.contains("<dd>casediff test</dd>"), "no time without one (--reproducible)")
        #expect(!reproducible.contains("Rate limit"), "the run's rate belongs with its metrics")
    }

    @Test func theSameReportGivesTheSameBytesWithItsStyleAndScriptInline() throws {
        let page = page(try report())
        #expect(page == self.page(try report()))
        #expect(page.components(separatedBy: HTMLReportStyle.source).count == 2)
        #expect(page.components(separatedBy: HTMLReportScript.source).count == 2)
    }

    /// Two projects whose sections, suite, shared step set, field and template differ, every resource compared.
    func resourceReport() throws -> ComparisonReport {
        let left = Support.makeProject(
            suites: [("Checkout", [Support.makeCase(1, "Pay by card")])],
            sections: [
                Section(id: 1, suiteID: 1, name: "Root"), Section(id: 2, suiteID: 1, name: "Refunds", parentID: 1),
            ])
        var right = Support.makeProject(
            id: 2, suites: [("Checkout", [Support.makeCase(11, "Pay by card")])],
            sections: [
                Section(id: 1, suiteID: 1, name: "Root"), Section(id: 5, suiteID: 1, name: "Returns", parentID: 1),
            ])
        var leftData = left
        let global = [CaseField.Configuration(context: .init(isGlobal: true), options: .init())]
        let step: (String) -> JSONValue = { .object(["content": .string("Open"), "expected": .string($0)]) }
        leftData.definitions = ProjectDefinitions(
            caseFields: [CaseField(id: 1, systemName: "custom_area", label: "Area", typeID: 1, configurations: global)],
            templates: [Template(id: 1, name: "Test Case (Text)"), Template(id: 2, name: "Exploratory")],
            sharedSteps: [SharedStepSet(id: 12, title: "Open the shop", steps: [step("The home page")])])
        right.definitions = ProjectDefinitions(
            caseFields: [
                CaseField(id: 1, systemName: "custom_area", label: "Product area", typeID: 1, configurations: global)
            ],
            templates: [Template(id: 1, name: "Test Case (Text)")],
            sharedSteps: [SharedStepSet(id: 40, title: "Open the shop", steps: [step("The home page and a banner")])])
        return try ProjectComparator(options: ComparisonOptions(resources: Set(ProjectResource.allCases)))
            .compare(leftData, right)
    }

    /// The JSON of the element `id`.
    func json(_ page: String, id: String) throws -> Any {
        let open = "<script type=\"application/json\" id=\"\(id)\">"
        let start = try #require(page.range(of: open)).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8))
    }

    @Test func aSuitesSectionsAndTheProjectWideResourcesTravelAsDataWithTheirGroups() throws {
        let report = try resourceReport()
        let page = page(report)
        // The suite's part carries its sections after its cases: Refunds removed, Returns added, under Root.
        let part = try data(page)
        let sections = try #require(part[2] as? [[Any]])
        let places = try #require(part[0] as? [String])
        let named = sections.compactMap { record -> String? in
            let side = (record[3] as? [Any]) ?? (record[2] as? [Any])
            return side.flatMap { $0.count > 2 ? "\(places[$0[1] as! Int])/\($0[2])" : nil }
        }
        #expect(Set(named).isSuperset(of: ["Root/Refunds", "Root/Returns"]))
        // Each project-wide resource has its own part, in the report's order, and a block to draw it in.
        for (index, resource) in report.resources.enumerated() {
            let records = try #require((try json(page, id: "res-\(index)") as? [Any])?[1] as? [[Any]])
            #expect(records.count == resource.records.count)
            #expect(page.contains("<section class=\"suite resource\" id=\"resource-\(resource.resource.rawValue)\""))
        }
        let fields = try #require(report.resources.firstIndex { $0.resource == .fields })
        let field = try #require((try json(page, id: "res-\(fields)") as? [Any])?[1] as? [[Any]])
        let label = try #require((field.first?[4] as? [[Any]])?.first)
        #expect(label[0] as? String == "label" && label[5] as? [String] == ["", "Product area"])
        // The meta lists every group the page draws with its resource and counts.
        let meta = try #require(try json(page, id: "meta") as? [String: Any])
        let groups = try #require(meta["groups"] as? [[String: Any]])
        #expect(
            groups.map { $0["resource"] as? String } == [
                "cases", "sections", "suites", "shared-steps", "fields", "templates",
            ])
        #expect(groups[1]["drift"] as? Int == 2 && groups[5]["drift"] as? Int == 1)
        #expect(
            meta["suiteLinks"] as? [String]
                == Array(repeating: "https://example.test/index.php?/suites/view/", count: 2))
    }

    @Test func theVerdictCountsEveryResourcesDriftAndTheFiltersListTheResources() throws {
        let report = try resourceReport()
        let page = page(report)
        #expect(report.driftDescription == "2 sections, 1 shared step set, 1 field, 1 template")
        #expect(
            page.contains(
                "<strong>Drift:</strong> 2 sections, 1 shared step set, 1 field, 1 template (exit code 1)"))
        #expect(page.contains("<dt>Compared</dt><dd>Cases, Suites, Sections, Shared step sets, Fields, Templates</dd>"))
        for resource in ProjectResource.allCases {
            #expect(page.contains("<input type=\"checkbox\" name=\"res\" value=\"\(resource.rawValue)\" checked>"))
        }
        // The resources' table links each count to its view; the kinds' counts include every resource.
        #expect(page.contains("<tr data-resource=\"fields\"><td><a href=\"#res=fields&amp;all=1\">Fields</a>"))
        #expect(page.contains("href=\"#kind=removed&amp;res=templates\""))
        // The suite's row counts its differing sections although its cases all match.
        #expect(report.suites[0].counts.drift == 0 && report.suites[0].differsAtAll)
        #expect(page.contains("<td><a href=\"#suite=Checkout&amp;res=sections&amp;all=1\">2</a></td></tr>"))
        #expect(
            page.contains(
                "value=\"removed\" checked> <span class=\"sym\" aria-hidden=\"true\">\u{2212}</span> removed <span class=\"count\">2</span>"
            ))
    }

    @Test func markdownLinksEachCaseToItsInstance() throws {
        var report = try report()
        let markdown = MarkdownRenderer().render(report)
        #expect(
            markdown.contains(
                "[C2](https://example.test/index.php?/cases/view/2) → [C12](https://example.test/index.php?/cases/view/12)"
            ))
        report.left.instance = ""
        report.right.instance = ""
        #expect(MarkdownRenderer().render(report).contains("| Pay by card (C2 → C12) |"))
    }

    /// Without cases (`--resources`), the header says they were not compared rather than counting none.
    @Test func casesNotComparedAreNotCountedAsNone() throws {
        let left = ComparatorTestSupport.makeProject(suites: [("S", [ComparatorTestSupport.makeCase(1, "A")])])
        var right = ComparatorTestSupport.makeProject(id: 2, suites: [("S", [])])
        right.suites[0].sections.removeLast()
        let report = try ProjectComparator(options: ComparisonOptions(resources: [.sections])).compare(left, right)
        let html = page(report)
        #expect(html.contains("<strong>Drift:</strong> 1 section (exit code 1) \u{2014} cases: not compared"))
        #expect(!html.contains("no differences; 0 unchanged"))
        #expect(html.contains("Cases were not compared"))
    }
}
