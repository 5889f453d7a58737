import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct JUnitRendererTests {
    typealias Support = ComparatorTestSupport

    /// The same cases under other ids on the right: a project and its migrated copy.
    func report(rightIDs offset: Int) throws -> ComparisonReport {
        func cases(_ base: Int) -> [TestCase] {
            [
                Support.makeCase(base + 1, "Login", refs: base == 0 ? "A" : "B"),
                Support.makeCase(base + 2, "Login", refs: "same"),
                Support.makeCase(base + 3, "Logout", section: 2),
            ]
        }
        return try ProjectComparator().compare(
            Support.makeProject(suites: [("Accounts", cases(0))]),
            Support.makeProject(id: 2, suites: [("Accounts", cases(offset))]))
    }

    func names(_ xml: String) -> [String] {
        xml.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: " name=\""), line.contains("<testcase") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test func testNamesHoldNoCaseIDsSoCIHistoryFollowsACaseAcrossRuns() throws {
        let first = JUnitRenderer().render(try report(rightIDs: 100))
        let second = JUnitRenderer().render(try report(rightIDs: 300))
        // The cases, then the suite's sections by path.
        #expect(names(first) == ["Logout", "Login", "Login (2)", "Other", "Root"])
        #expect(names(first) == names(second))
        #expect(!first.contains("name=\"Login [C"))
        // The ids stay readable in the failure's text.
        #expect(first.contains("case C1 -&gt; C101"))
    }

    /// A case added beside a namesake takes a new ordinal, whatever order the records list them in: the existing
    /// case keeps its name and its CI history; an ordinal that is a real title is skipped.
    @Test func anAddedNamesakeNeverTakesAnExistingCasesName() {
        func record(left: Int?, right: Int?, title: String) -> CaseRecord {
            func side(_ id: Int) -> CaseRecord.Side {
                CaseRecord.Side(id: id, suite: "S", sectionPath: "Root", title: title)
            }
            return CaseRecord(
                status: left == nil ? .added : .unchanged, key: title, left: left.map(side), right: right.map(side),
                changes: [], duplicate: false, drift: left == nil)
        }
        let records = [
            record(left: nil, right: 50, title: "Login"), record(left: 7, right: 70, title: "Login"),
            record(left: 3, right: 30, title: "Login (2)"), record(left: 9, right: 90, title: "Login"),
        ]
        #expect(JUnitRenderer.names(records) == ["Login (4)", "Login", "Login (2)", "Login (3)"])
    }

    @Test func everySuiteAndCaseHasATimeAndTheRunsTimeOnlyWhenMeasured() throws {
        let report = try report(rightIDs: 100)
        let reproducible = JUnitRenderer().render(report)
        #expect(reproducible.contains("<testsuites name=") && reproducible.contains("time=\"0\">\n  <testsuite"))
        for line in reproducible.split(separator: "\n") where line.contains("<testcase") || line.contains("<testsuite ")
        {
            #expect(line.contains(" time=\"0\""), "\(line)")
        }
        var metrics = FetchMetrics()
        metrics.wallTime = .milliseconds(12_345)
        let timed = JUnitRenderer().render(report, context: RenderContext(metrics: metrics))
        #expect(timed.contains("skipped=\"0\" time=\"12.345\">\n  <testsuite"))
    }

    @Test func aLongChangedTextIsAWordDiff() throws {
        let old = "Open the sign-in page, enter a valid email and the password, then press Sign in"
        let new = "Open the sign-in page, enter a valid phone number and the password, then press Sign in"
        let report = try ProjectComparator().compare(
            Support.makeProject(suites: [("S", [Support.makeCase(1, "Sign in", custom: ["custom_note": .string(old)])])]
            ),
            Support.makeProject(
                id: 2, suites: [("S", [Support.makeCase(2, "Sign in", custom: ["custom_note": .string(new)])])]))
        let xml = JUnitRenderer().render(report)
        #expect(
            xml.contains(
                "custom_note: \"Open the sign-in page, enter a valid [-email-]{+phone number+} and the password, then "
                    + "press Sign in\"</failure>"))
    }

    @Test func theDocumentStaysWellFormed() throws {
        let xml = JUnitRenderer().render(try report(rightIDs: 100))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse())
    }
}
