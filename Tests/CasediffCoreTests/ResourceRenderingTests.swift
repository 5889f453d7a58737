import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// Sections and the project-wide resources in the table, Markdown, JUnit and CSV: listed, counted in the totals
/// and the verdict, and in the `--stat` summary.
@Suite struct ResourceRenderingTests {
    typealias Support = ComparatorTestSupport

    /// One suite whose cases all match; its sections, suite description, a field's label, a template and a shared
    /// step set differ.
    static func makeReport(
        resources: Set<ProjectResource> = Set(ProjectResource.allCases), drift: DriftRule? = nil
    ) throws
        -> ComparisonReport
    {
        func side(
            _ project: Int, sections: [Section], suiteDescription: String, ownerLabel: String, templates: [String],
            expected: String
        ) -> ProjectData {
            var data = Support.makeProject(id: project, suites: [("Shop", [Support.makeCase(1, "Login")])])
            data.suites[0].sections = sections
            data.suites[0].suite.description = suiteDescription
            var owner = SideVocabularyTests.field(project * 10 + 1, "custom_owner", .user)
            owner.label = ownerLabel
            data.definitions = ProjectDefinitions(
                caseFields: [owner],
                templates: templates.enumerated().map { Template(id: $0.offset + 1, name: $0.element) },
                sharedSteps: [
                    SharedStepSet(
                        id: project * 10 + 7, title: "Sign in",
                        steps: [["content": "Submit", "expected": .string(expected)]])
                ])
            return data
        }
        let left = side(
            1,
            sections: [
                Section(id: 1, suiteID: 1, name: "Root"),
                Section(id: 3, suiteID: 1, name: "Coupons", description: "Old", parentID: 1),
                Section(id: 4, suiteID: 1, name: "Legacy"),
            ], suiteDescription: "The shop", ownerLabel: "Owner", templates: ["Steps"], expected: "Signed in")
        let right = side(
            2,
            sections: [
                Section(id: 1, suiteID: 1, name: "Root"),
                Section(id: 140, suiteID: 1, name: "Coupons", description: "New", parentID: 1),
                Section(id: 150, suiteID: 1, name: "Gifts", parentID: 1),
            ], suiteDescription: "The web shop", ownerLabel: "Owner (QA)", templates: ["Steps", "Exploratory"],
            expected: "Signed in and greeted")
        return try ProjectComparator(options: ComparisonOptions(drift: drift, resources: resources)).compare(
            left, right)
    }

    static let failOn = "(fail-on: added, removed, changed, moved, renamed)."

    @Test func theTableListsSectionsUnderTheirSuiteAndEachProjectWideResource() throws {
        let table = TableRenderer().render(try Self.makeReport())
        #expect(
            table.contains(
                """

                  Shop
                    Sections
                    - Legacy  [#4]
                    ~ Root > Coupons  [#3 -> #140]
                        description: "Old" -> "New"
                    + Root > Gifts  [#150]

                  Suites
                    ~ Shop  [S100 -> S200]
                        description: "The shop" -> "The web shop"

                  Shared step sets
                    ~ Sign in  [#17 -> #27]
                        step 1 expected: "Signed in" -> "Signed in and greeted"

                  Fields
                    ~ custom_owner  [#11 -> #21]
                        label: "Owner" -> "Owner (QA)"

                  Templates
                    + Exploratory  [#2]

                Total: 0 added, 0 removed, 0 changed, 0 moved, 0 renamed, 1 unchanged (1 left, 1 right cases).
                Sections: 1 added, 1 removed, 1 changed, 0 moved, 0 renamed, 1 unchanged (3 left, 3 right).
                Suites: 0 added, 0 removed, 1 changed, 0 moved, 0 renamed, 0 unchanged (1 left, 1 right).

                """))
        #expect(!table.contains("No differences"))
        #expect(table.hasSuffix("Drift: 3 sections, 1 suite, 1 shared step set, 1 field, 1 template \(Self.failOn)\n"))
    }

    @Test func theStatSummaryHasARowPerResource() throws {
        let report = try Self.makeReport()
        let table = TableRenderer(summaryOnly: true).render(report)
        #expect(
            table.contains(
                """
                Resource               Left  Right  Added  Removed  Changed  Moved  Renamed  Unchanged
                ---------------------  ----  -----  -----  -------  -------  -----  -------  ---------
                Sections (all suites)     3      3      1        1        1      0        0          1
                Suites                    1      1      0        0        1      0        0          0
                Shared step sets          1      1      0        0        1      0        0          0
                Fields                    1      1      0        0        1      0        0          0
                Templates                 1      2      1        0        0      0        0          1

                """))
        #expect(!table.contains("Differences") && !table.contains("Root > Gifts"))
        #expect(table.hasSuffix("Drift: 3 sections, 1 suite, 1 shared step set, 1 field, 1 template \(Self.failOn)\n"))

        let markdown = MarkdownRenderer(summaryOnly: true).render(report)
        #expect(markdown.contains("| Sections (all suites) | 3 | 3 | 1 | 1 | 1 | 0 | 0 | 1 |\n"))
        #expect(markdown.contains("| Templates | 1 | 2 | 1 | 0 | 0 | 0 | 0 | 1 |\n"))
        #expect(!markdown.contains("<details>"))
    }

    @Test func markdownHasTheSectionsInTheSuitesBlockAndABlockPerResource() throws {
        let markdown = MarkdownRenderer().render(try Self.makeReport())
        #expect(
            markdown.contains(
                "**Drift:** 3 sections, 1 suite, 1 shared step set, 1 field, 1 template (no case differences; "
                    + "1 unchanged)."))
        #expect(
            markdown.contains(
                """
                <details><summary>Shop: sections: 1 added, 1 removed, 1 changed</summary>

                | Status | Section | Details |
                |:--|:--|:--|
                | **removed** | Legacy (#4) |  |
                | **changed** | Root > Coupons (#3 → #140) | description: "Old" → "New" |
                | **added** | Root > Gifts (#150) |  |

                </details>
                """))
        #expect(
            markdown.contains(
                """
                <details><summary>Fields: 1 changed</summary>

                | Status | Field | Details |
                |:--|:--|:--|
                | **changed** | custom\\_owner (#11 → #21) | label: "Owner" → "Owner (QA)" |
                """))
        #expect(markdown.components(separatedBy: "<details>").count - 1 == 5)
    }

    @Test func junitHasATestcasePerSectionAndATestsuitePerResource() throws {
        let junit = JUnitRenderer().render(try Self.makeReport())
        // 1 case, 3 + 1 sections, 1 suite, 1 shared step set, 1 field, 2 templates; 7 of them drift.
        #expect(junit.contains("tests=\"10\" failures=\"7\""))
        #expect(junit.contains("<testsuite name=\"Shop\" tests=\"5\" failures=\"3\""))
        #expect(junit.components(separatedBy: "classname=\"Shop.sections\"").count - 1 == 4)
        #expect(
            junit.contains(
                """
                    <testcase classname="Shop.sections" name="Root &gt; Gifts" time="0">
                      <failure type="added" message="only in P2 (P2)">section #150</failure>
                """))
        #expect(junit.contains("<testsuite name=\"Project: Templates\" tests=\"2\" failures=\"1\""))
        #expect(junit.contains("<testcase classname=\"Project: Suites\" name=\"Shop\" time=\"0\">"))
    }

    @Test func csvHasAResourceColumnAndARowPerRecord() throws {
        let csv = try CSVRenderer().render(try Self.makeReport())
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first?.hasSuffix(",changes,resource") == true)
        #expect(lines.count == 11)
        #expect(lines.contains("Shop,unchanged,false,false,Login,1,1,Root,Root,Login,Login,,,cases"))
        #expect(lines.contains("Shop,added,true,false,Root > Gifts,,150,,Root,,Gifts,,,sections"))
        #expect(lines.contains(",added,true,false,Exploratory,,2,,,,Exploratory,,,templates"))
        #expect(lines.filter { $0.hasSuffix(",sections") }.count == 4)
        // The suite's part, then the project-wide resources in listing order.
        #expect(lines.last?.hasSuffix(",templates") == true)
    }

    @Test func sectionsOutsideFailOnAreListedButNotDrift() throws {
        let report = try Self.makeReport(
            resources: [.cases, .sections], drift: DriftRule(kinds: [.cases: Set(CaseStatus.driftKinds)]))
        let table = TableRenderer().render(report)
        #expect(table.contains("    + Root > Gifts  [#150]\n"))
        #expect(table.hasSuffix("No drift (fail-on: \(report.options.failOnDescription)).\n"))
        #expect(MarkdownRenderer().render(report).contains("| **added** (not drift) | Root > Gifts (#150) |  |"))
        #expect(JUnitRenderer().render(report).contains("tests=\"5\" failures=\"0\""))
    }

    @Test func nothingDifferingSaysSoForEveryComparedResource() throws {
        let project = Support.makeProject(suites: [("Shop", [Support.makeCase(1, "Login")])])
        let report = try ProjectComparator().compare(project, project)
        let table = TableRenderer().render(report)
        #expect(table.contains("\nNo differences: every case and section matches.\n"))
        #expect(table.hasSuffix("No drift \(Self.failOn)\n"))
    }

    @Test func markdownCountsResourceRowsTowardItsLimit() throws {
        var left = Support.makeProject(suites: [("Shop", [Support.makeCase(1, "Login")])])
        var right = Support.makeProject(id: 2, suites: [("Shop", [Support.makeCase(1, "Login")])])
        // 450 sections and 100 templates added: 550 differences, of which the first 500 are listed.
        right.suites[0].sections += (0..<450).map { Section(id: 1000 + $0, suiteID: 1, name: "Added \($0)") }
        left.definitions = ProjectDefinitions(templates: [Template(id: 1, name: "Steps")])
        right.definitions = ProjectDefinitions(
            templates: [Template(id: 1, name: "Steps")] + (0..<100).map { Template(id: 2 + $0, name: "T\($0)") })
        let report = try ProjectComparator(options: ComparisonOptions(resources: [.cases, .sections, .templates]))
            .compare(left, right)
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.components(separatedBy: "| **added** |").count - 1 == MarkdownRenderer.maximumRows)
        #expect(markdown.components(separatedBy: "| **added** | Added ").count - 1 == 450)
        #expect(markdown.contains("\n_50 more differences not listed; the JSON diff has every one._\n"))
        #expect(markdown.utf8.count <= MarkdownRenderer.maximumCharacters)
    }

    @Test func idsAreWrittenAsTheRecordsResourceWritesThem() throws {
        let side = { (id: Int) in CaseRecord.Side(id: id, suite: "Shop", sectionPath: "", title: "Cart") }
        let section = CaseRecord(status: .changed, key: "Cart", left: side(3), right: side(140), resource: .sections)
        #expect(ChangeText.ids(section) == "#3 -> #140")
        #expect(ChangeText.ids(CaseRecord(status: .added, key: "x", left: nil, right: side(9))) == "C9")
        #expect(
            ChangeText.ids(CaseRecord(status: .added, key: "x", left: nil, right: side(9), resource: .suites)) == "S9")
    }
}
