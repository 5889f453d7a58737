import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct RendererTests {
    typealias Support = ComparatorTestSupport

    func report() throws -> ComparisonReport {
        let left = Support.makeProject(suites: [
            (
                "A very long suite name that will not fit a narrow terminal",
                [Support.makeCase(1, "Title, with \"quotes\" | pipes & <tags>", refs: "=SUM(A1)")]
            )
        ])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    "A very long suite name that will not fit a narrow terminal",
                    [
                        Support.makeCase(2, "Title, with \"quotes\" | pipes & <tags>", refs: "x\u{1}y"),
                        Support.makeCase(3, String(repeating: "Long title ", count: 20)),
                    ]
                )
            ])
        return try ProjectComparator().compare(left, right)
    }

    @Test func theTableFitsTheTerminalAndColoursOnlyWhenAllowed() throws {
        let report = try report()
        let narrow = TableRenderer(style: TerminalStyle(width: 60, color: true)).render(report)
        #expect(narrow.contains("\u{1B}["))
        let visible = narrow.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        for line in visible.split(separator: "\n") {
            #expect(line.count <= 60, "\(line)")
        }
        let plain = TableRenderer(style: .plain).render(report)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains(String(repeating: "Long title ", count: 20).trimmingCharacters(in: .whitespaces)))
    }

    @Test func styleDetectionHonoursTTYAndNoColor() {
        #expect(TerminalStyle.detect(environment: [:], isTTY: false, terminalWidth: 80) == .plain)
        #expect(
            TerminalStyle.detect(environment: [:], isTTY: true, terminalWidth: 80)
                == TerminalStyle(width: 80, color: true))
        #expect(!TerminalStyle.detect(environment: ["NO_COLOR": "1"], isTTY: true, terminalWidth: 80).color)
        #expect(TerminalStyle.detect(environment: ["NO_COLOR": ""], isTTY: true, terminalWidth: 80).color)
        #expect(!TerminalStyle.detect(environment: ["TERM": "dumb"], isTTY: true, terminalWidth: nil).color)
        #expect(TerminalStyle.detect(environment: ["COLUMNS": "100"], isTTY: true, terminalWidth: nil).width == 100)
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        #expect(CSVRenderer.field("plain") == "plain")
        #expect(CSVRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRenderer.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVRenderer.field("line\nbreak") == "\"line\nbreak\"")
        let csv = try CSVRenderer().render(try report())
        #expect(csv.hasPrefix(CSVRenderer.header.joined(separator: ",") + "\r\n"))
    }

    @Test func csvChangesAreTheCompactJSONTheEncoderWrites() throws {
        struct Change: Encodable {
            var path: String
            var old: JSONValue
            var new: JSONValue
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = RandomJSON(seed: 99)
        for _ in 0..<500 {
            let changes = (0..<random.int(4)).map { _ in
                FieldChange(
                    field: random.key(), location: .step(index: random.int(5), key: random.key()),
                    old: random.value(depth: 3), new: random.value(depth: 3), kind: .changed)
            }
            let reference = changes.map { Change(path: $0.path, old: $0.old, new: $0.new) }
            let expected = changes.isEmpty ? "" : String(decoding: try encoder.encode(reference), as: UTF8.self)
            #expect(try CSVRenderer.changesJSON(changes) == expected)
        }
    }

    @Test func junitEscapesAndDropsCharactersXMLForbids() throws {
        #expect(JUnitRenderer.attribute("a \"b\" <c> & d") == "\"a &quot;b&quot; &lt;c&gt; &amp; d\"")
        #expect(JUnitRenderer.text("bell\u{7}tab\t") == "belltab\t")
        let xml = JUnitRenderer().render(try report())
        #expect(!xml.unicodeScalars.contains("\u{1}"))
        #expect(xml.contains("failures=\"2\""))
    }

    @Test func markdownCannotBreakItsTable() throws {
        #expect(MarkdownRenderer.escape("a | b <script>") == "a \\| b \\<script>")
        let markdown = MarkdownRenderer().render(try report())
        #expect(markdown.contains("Title, with \"quotes\" \\| pipes & \\<tags>"))
    }

    @Test func markdownListsAtMostItsLimit() throws {
        let cases = (0..<(MarkdownRenderer.maximumRows + 10)).map { Support.makeCase($0 + 1, "Case \($0)") }
        let report = try ProjectComparator().compare(
            Support.makeProject(suites: [("S", [])]), Support.makeProject(id: 2, suites: [("S", cases)]))
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("_10 more differences not listed; the JSON diff has every one._"))
    }

    @Test func markdownStaysWithinACommentsLengthWithLongTitlesLinksAndManySuites() throws {
        let long = String(repeating: "A long title for a case ", count: 8)
        // One long suite, then 150 suites of one difference each, whose blocks alone would pass the limit.
        let suites =
            [("A", (0..<300).map { Support.makeCase($0 + 1, "\(long)\($0)") })]
            + (0..<150).map { ("S\($0)", [Support.makeCase(1000 + $0, "Case \($0)")]) }
        let report = try ProjectComparator().compare(
            Support.makeProject(suites: suites.map { ($0.0, []) }), Support.makeProject(id: 2, suites: suites))
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.utf8.count <= 65_536 && markdown.utf8.count > MarkdownRenderer.maximumCharacters / 2)
        #expect(markdown.contains("more differences not listed; the JSON diff has every one._"))
        #expect(markdown.contains("[C1](https://example.test/index.php?/cases/view/1)"))
        #expect(!markdown.contains("|:--|:--|:--|:--|\n\n</details>"), "no block without rows")
    }

    @Test func jsonListsAreNeverNullAndTheOutputIsStable() throws {
        let empty = try ProjectComparator().compare(
            Support.makeProject(suites: []), Support.makeProject(id: 2, suites: []))
        let json = try JSONRenderer().render(empty)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["suites"] as? [Any])?.isEmpty == true)
        #expect((object["duplicates"] as? [Any])?.isEmpty == true)
        #expect(json == (try JSONRenderer().render(empty)))
    }
}
