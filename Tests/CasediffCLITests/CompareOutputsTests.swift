import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `casediff compare`'s outputs and CI gate, as a pipeline runs them: formats, files, --fail-on, scope, errors.
@Suite struct CompareOutputsTests {
    typealias Base = CompareCommandTests

    func environment(_ simulator: RunningSimulator, extra: [String: String] = [:]) -> [String: String] {
        Base().environment(simulator).merging(extra) { _, new in new }
    }

    func withSimulator(_ body: @escaping @Sendable (RunningSimulator) async throws -> Void) async throws {
        try await TestRailSimulator.withRunning(dataset: Base.dataset, configuration: Base.configuration, body)
    }

    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("casediff-\(UUID().uuidString)-\(name)")
    }

    @Test func oneRunWritesEveryFormatAndTheJUnitIsWellFormed() async throws {
        try await withSimulator { simulator in
            let files = ["diff.json", "summary.md", "cases.csv", "junit.xml"].map(temporary)
            defer { for file in files { try? FileManager.default.removeItem(at: file) } }
            let result = try await CLIRunner.run(
                [
                    "compare", "1", "2", "--format", "junit", "--json", files[0].path, "--markdown", files[1].path,
                    "--csv", files[2].path, "--junit", files[3].path,
                ], environment: environment(simulator))
            #expect(result.status == 1)
            #expect(try String(contentsOf: files[3], encoding: .utf8) == result.stdout)
            // JUnit: one testcase per compared case (291 pairs and one-sided cases) and section (15), a failure per
            // drifted one (17 cases, 2 sections).
            let counter = XMLCounter()
            let parser = XMLParser(data: Data(result.stdout.utf8))
            parser.delegate = counter
            #expect(parser.parse(), "the JUnit XML parses")
            #expect(counter.counts["testcase"] == 315 && counter.counts["failure"] == 19)
            let markdown = try String(contentsOf: files[1], encoding: .utf8)
            #expect(markdown.hasPrefix("## casediff: Storefront (P1) → Storefront (migrated) (P2)"))
            #expect(markdown.contains("**Drift:** 17 cases"))
            let csv = try String(contentsOf: files[2], encoding: .utf8)
            #expect(csv.split(separator: "\r\n").count == 1 + 300 + 15)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: files[0])) as? [String: Any])
            #expect((json["totals"] as? [String: Int])?["renamed"] == 1)
            #expect(result.stderr.contains("junit written to \(files[3].path)"))
        }
    }

    @Test func theHTMLReportIsOneSelfContainedFileWithCaseLinks() async throws {
        try await withSimulator { simulator in
            let file = temporary("report.html")
            let byExtension = temporary("by-extension.html")
            defer { for url in [file, byExtension] { try? FileManager.default.removeItem(at: url) } }
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--format", "html", "--html", file.path, "--reproducible"],
                environment: environment(simulator))
            #expect(result.status == 1)
            let page = try String(contentsOf: file, encoding: .utf8)
            #expect(page == result.stdout, "--format html on stdout is the --html file")
            #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
            // Self-contained: nothing loaded from anywhere; links to the cases on the simulator.
            for reference in ["src=", "<link", "@import", "url("] { #expect(!page.contains(reference), "\(reference)") }
            let root = try TestRailBaseURL(simulator.baseURL.absoluteString).description
            #expect(page.contains("\"links\":[\"\(root)index.php?/cases/view/\""))
            #expect(page.contains("<strong>Drift:</strong> 17 cases, 2 sections (exit code 1)"))
            let output = try await CLIRunner.run(
                ["compare", "1", "2", "-o", byExtension.path, "--reproducible", "--quiet"],
                environment: environment(simulator))
            #expect(output.status == 1 && output.stdout.isEmpty)
            #expect(try String(contentsOf: byExtension, encoding: .utf8) == page, "-o x.html writes the HTML report")
        }
    }

    @Test func failOnChoosesWhatFailsTheGate() async throws {
        try await withSimulator { simulator in
            let none = try await CLIRunner.run(
                ["compare", "1", "2", "--fail-on", "none", "--quiet"], environment: environment(simulator))
            #expect(none.status == 0, "differences reported, none counted")
            #expect(none.stdout.contains("No drift (fail-on: none)."))
            let moved = try await CLIRunner.run(
                ["compare", "1", "2", "--fail-on", "moved", "--format", "json", "--reproducible"],
                environment: environment(simulator))
            #expect(moved.status == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any])
            #expect((json["totals"] as? [String: Int])?["drift"] == 1)
            let mobile = try await CLIRunner.run(
                ["compare", "3", "4", "--fail-on", "added,removed", "--quiet"], environment: environment(simulator))
            #expect(mobile.status == 1)
            let bad = try await CLIRunner.run(["compare", "1", "2", "--fail-on", "unchanged"], environment: [:])
            #expect(bad.status == 64)
        }
    }

    @Test func reproducibleJSONIsByteIdenticalAndOtherwiseCarriesTheTime() async throws {
        try await withSimulator { simulator in
            let arguments = ["compare", "1", "2", "--format", "json", "--quiet"]
            let first = try await CLIRunner.run(arguments + ["--reproducible"], environment: environment(simulator))
            let second = try await CLIRunner.run(arguments + ["--reproducible"], environment: environment(simulator))
            #expect(first.stdout == second.stdout && !first.stdout.contains("generated_at"))
            let dated = try await CLIRunner.run(
                arguments, environment: environment(simulator, extra: ["SOURCE_DATE_EPOCH": "1767225600"]))
            #expect(dated.stdout.contains("\"generated_at\" : \"2026-01-01T00:00:00Z\""))
            #expect(dated.stdout.contains("\"run\" : {"))
        }
    }

    @Test func theSuiteScopeFetchesOnlyThoseSuites() async throws {
        try await withSimulator { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--suite", "search", "--suite", "Accounts", "--quiet"],
                environment: environment(simulator))
            #expect(result.status == 1)
            #expect(result.stdout.contains("Accounts") && result.stdout.contains("Search"))
            #expect(!result.stdout.contains("Checkout"))
            let fetched = await simulator.requestLog().filter { $0.path.contains("get_cases") }.count
            #expect(fetched == 4, "one case page per selected suite and side")
        }
    }

    @Test func anUnknownSuiteOrFieldIsOneLine() async throws {
        try await withSimulator { simulator in
            let suite = try await CLIRunner.run(
                ["compare", "1", "2", "--suite", "Nope"], environment: environment(simulator))
            expectOneErrorLine(
                suite, containing: "suite 'Nope' not found in either project (suites: Accessibility")
            let field = try await CLIRunner.run(
                ["compare", "1", "2", "--fields", "title,colour"], environment: environment(simulator))
            expectOneErrorLine(field, containing: "unknown field 'colour'")
            let threshold = try await CLIRunner.run(["compare", "1", "2", "--rename-threshold", "2"], environment: [:])
            #expect(threshold.status == 64)
        }
    }

    @Test func matchingByAnAutomationID() async throws {
        try await withSimulator { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--match", "field:automation_id", "--suite", "Regression Pack", "--quiet"],
                environment: environment(simulator))
            #expect(result.status == 1)
            #expect(result.stdout.contains("Matched by field:custom_automation_id within suites of the same name"))
            #expect(result.stdout.contains("estimate: (none) -> \"5m\""))
        }
    }

    /// `--match field:` with the demo's 34 + 36 cases without an automation id: they are matched by their exact
    /// title, so the drift is the title match's (its one rename, of a keyless case, as a removed and an added case),
    /// not 70 more removed and added.
    @Test func casesWithoutTheMatchFieldAreMatchedByTitle() async throws {
        try await withSimulator { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--match", "field:automation_id", "--quiet"], environment: environment(simulator))
            #expect(result.status == 1)
            #expect(
                result.stdout.contains(
                    "Without a match key (field:custom_automation_id): 34 left, 36 right; paired by title instead: 30"))
            #expect(result.stdout.contains("Drift: 18 cases"))
            #expect(result.stdout.contains("- Sign-up :: Sign up with e-mail  [C17]"))
            #expect(result.stdout.contains("+ Sign-up :: Sign up with email  [C312]"))
            let unknown = try await CLIRunner.run(
                ["compare", "1", "2", "--match", "field:nope"], environment: environment(simulator))
            expectOneErrorLine(
                unknown, containing: "--match field:nope: neither project has this field (custom_nope); custom fields:")
        }
    }

    @Test func statPrintsTheTotalsAloneAndKeepsTheExitCode() async throws {
        try await withSimulator { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--stat", "--quiet"], environment: environment(simulator))
            #expect(result.status == 1)
            #expect(result.stdout.contains("Total             294    297"))
            #expect(!result.stdout.contains("Differences") && !result.stdout.contains("Sign in with Google"))
            #expect(result.stdout.contains("\nSections (all suites)    14     14      1        1        0"))
            #expect(
                result.stdout.hasSuffix(
                    "Drift: 17 cases, 2 sections (fail-on: added, removed, changed, moved, renamed).\n"))
            let full = try await CLIRunner.run(["compare", "1", "2", "--quiet"], environment: environment(simulator))
            #expect(full.stdout.contains("\nTotal: 6 added, 3 removed, 6 changed, 1 moved, 1 renamed, 283 unchanged"))
        }
    }
}

/// Counts XML elements by name.
final class XMLCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[elementName, default: 0] += 1
    }
}
