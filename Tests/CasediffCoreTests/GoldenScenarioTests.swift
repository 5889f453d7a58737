import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// The small scenarios under Fixtures/compare/: each pair of projects, compared with its options, rendered in every
/// format and checked against the expected files byte for byte (RECORD_SNAPSHOTS=1 re-records them).
@Suite struct GoldenScenarioTests {
    static let scenarios = ["automation-id", "duplicates", "empty-suites", "html-and-unicode", "renames-and-moves"]

    /// options.json: the CLI's settings, by their flag names.
    struct Options: Decodable {
        var match: String?
        var crossSuite: Bool?
        var ignoreCase: Bool?
        var renameThreshold: Double?
        var failOn: [CaseStatus]?
        var fields: [String]?
        var ignoreFields: [String]?
        var suites: [String]?

        enum CodingKeys: String, CodingKey {
            case match, fields, suites
            case crossSuite = "cross_suite"
            case ignoreCase = "ignore_case"
            case renameThreshold = "rename_threshold"
            case failOn = "fail_on"
            case ignoreFields = "ignore_fields"
        }

        var comparison: ComparisonOptions {
            ComparisonOptions(
                match: match.flatMap(MatchKey.init) ?? .title, crossSuite: crossSuite ?? false, suites: suites ?? [],
                ignoreCase: ignoreCase ?? false,
                renameThreshold: renameThreshold ?? ComparisonOptions.defaultRenameThreshold,
                fields: FieldSelection(only: fields, ignored: ignoreFields ?? []),
                failOn: Set(failOn ?? CaseStatus.driftKinds))
        }
    }

    static func load<T: Decodable>(_ type: T.Type, _ scenario: String, _ file: String) throws -> T {
        let url = Golden.fixtures.appendingPathComponent("compare/\(scenario)/\(file)")
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    static func report(_ scenario: String, shuffled: Bool = false) throws -> ComparisonReport {
        var left = try load(ProjectData.self, scenario, "left.json")
        var right = try load(ProjectData.self, scenario, "right.json")
        if shuffled {
            for index in left.suites.indices { left.suites[index].cases.reverse() }
            for index in right.suites.indices { right.suites[index].cases.reverse() }
            right.suites.reverse()
        }
        let options = try load(Options.self, scenario, "options.json")
        return try ProjectComparator(options: options.comparison).compare(left, right)
    }

    static func rendered(_ report: ComparisonReport) throws -> [(String, String)] {
        [
            ("expected.table.txt", TableRenderer().render(report)),
            (
                "expected.json",
                String(
                    decoding: try JSONRenderer().render(report, context: RenderContext(toolVersion: "golden")),
                    as: UTF8.self)
            ),
            ("expected.md", MarkdownRenderer().render(report)),
            ("expected.csv", try CSVRenderer().render(report)),
            ("expected.junit.xml", JUnitRenderer().render(report)),
            ("expected.html", html(report)),
        ]
    }

    /// The HTML report with its style sheet and script (the same in every report, and tested in a browser) named
    /// rather than repeated in every golden file.
    static func html(_ report: ComparisonReport) -> String {
        HTMLRenderer().render(report, context: RenderContext(toolVersion: "golden"))
            .replacingOccurrences(of: HTMLReportStyle.source, with: "/* HTMLReportStyle.source */\n")
            .replacingOccurrences(of: HTMLReportScript.source, with: "/* HTMLReportScript.source */\n")
    }

    @Test(arguments: scenarios) func everyFormatMatchesItsGoldenFile(_ scenario: String) throws {
        for (file, actual) in try Self.rendered(try Self.report(scenario)) {
            let expected = try Golden.expected("compare/\(scenario)/\(file)", actual: actual)
            #expect(actual == expected, "compare/\(scenario)/\(file)")
        }
    }

    @Test(arguments: scenarios) func theOutputDoesNotDependOnInputOrder(_ scenario: String) throws {
        let straight = try Self.rendered(try Self.report(scenario))
        let shuffled = try Self.rendered(try Self.report(scenario, shuffled: true))
        #expect(straight.map(\.1) == shuffled.map(\.1))
    }

    @Test func theScenariosCoverWhatTheyAreNamedFor() throws {
        let moves = try Self.report("renames-and-moves").totals
        #expect(moves == StatusCounts(added: 1, removed: 1, changed: 3, moved: 1, renamed: 2, unchanged: 2, drift: 8))
        let duplicates = try Self.report("duplicates")
        #expect(duplicates.duplicates.map(\.key) == ["Login works", "Reorder"])
        let unicode = try Self.report("html-and-unicode").totals
        #expect(unicode == StatusCounts(changed: 2, unchanged: 4, drift: 2))
        let empty = try Self.report("empty-suites")
        #expect(empty.suites.map(\.name) == ["Emptied", "New and empty", "Nothing yet"])
        let automation = try Self.report("automation-id")
        #expect(automation.totals == StatusCounts(added: 1, removed: 1, changed: 1, renamed: 1, drift: 3))
        #expect(automation.keylessLeft == 1)
    }
}
