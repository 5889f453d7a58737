import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct TableRendererTests {
    typealias Support = ComparatorTestSupport

    static let oldText = "A Google account without two-factor authentication, signed out of every other device"
    static let newText = "A Google account with two-factor authentication, signed out of every other device"

    func report() throws -> ComparisonReport {
        try ProjectComparator().compare(
            Support.makeProject(suites: [
                (
                    "Accounts",
                    [
                        Support.makeCase(1, "Sign in with Google", custom: ["custom_note": .string(Self.oldText)]),
                        Support.makeCase(2, "Order mail", refs: "Order confirmed"),
                    ]
                )
            ]),
            Support.makeProject(
                id: 2,
                suites: [
                    (
                        "Accounts",
                        [
                            Support.makeCase(7, "Sign in with Google", custom: ["custom_note": .string(Self.newText)]),
                            Support.makeCase(8, "Order mail", refs: "Order confirmed and e-mailed"),
                        ]
                    )
                ]))
    }

    func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func aLongTextChangeIsOneWordDiffMarkedInPlainText() throws {
        let table = TableRenderer(style: .plain).render(try report())
        #expect(
            table.contains(
                "        custom_note: \"A Google account [-without-]{+with+} two-factor authentication, signed out of "
                    + "every other device\"\n"))
        // A short change stays `old -> new`.
        #expect(table.contains("        refs: \"Order confirmed\" -> \"Order confirmed and e-mailed\"\n"))
    }

    @Test func atANarrowWidthChangesWrapAndAreNeverCut() throws {
        let table = TableRenderer(style: TerminalStyle(width: 40)).render(try report())
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("        refs:") })
        // The ids stay together on the next line.
        #expect(
            Array(lines[start..<start + 4]) == [
                "        refs: \"Order confirmed\" ->",
                "          \"Order confirmed and e-mailed\"",
                "    ~ Root :: Sign in with Google",
                "      [C1 -> C7]",
            ])
        let differences = lines.drop { !$0.hasPrefix("Differences") }.prefix { !$0.hasPrefix("Total:") }
        #expect(!differences.contains { $0.contains("…") })
        for line in lines { #expect(line.count <= 40, "\(line)") }
        // The words of both values are all there, in order.
        let noteLines = lines.drop { !$0.hasPrefix("        custom_note:") }.prefix {
            $0.hasPrefix("          ") || $0.hasPrefix("        custom_note:")
        }
        let joined = noteLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("[-without-]{+with+} two-factor authentication, signed out of every other device\""))
    }

    @Test func onAColourTerminalTheWordsArePaintedNotMarked() throws {
        let table = TableRenderer(style: TerminalStyle(width: 60, color: true)).render(try report())
        #expect(table.contains("\u{1B}[31;9mwithout\u{1B}[0m\u{1B}[32;4mwith\u{1B}[0m"))
        #expect(!visible(table).contains("[-") && !visible(table).contains("{+"))
        for line in visible(table).split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
    }

    @Test func aWordLongerThanALineIsSplitNotCut() {
        let style = TerminalStyle(width: 40)
        let word = String(repeating: "x", count: 75)
        let lines = style.wrap([InkedWord("url:"), InkedWord(word)], indent: "    ")
        #expect(
            lines == [
                "    url:", "      " + String(repeating: "x", count: 34), "      " + String(repeating: "x", count: 34),
                "      xxxxxxx",
            ])
    }

    /// The split is one pass over the word (a changed value of a million characters in one word took 33 s when each
    /// line copied the rest): every line but the last is full, and the pieces are the word in order.
    @Test func aMillionCharacterWordIsSplitIntoFullLinesInOrder() {
        let style = TerminalStyle(width: 80)
        let word = String((0..<1_000_000).map { _ in Character("x") })
        let lines = style.wrap([InkedWord("url:"), InkedWord(word)], indent: "")
        let pieces = lines.dropFirst().map { $0.dropFirst(2) }
        #expect(lines.first == "url:")
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count == 78 })
        #expect(lines.count == 1 + (1_000_000 + 77) / 78)
        #expect(pieces.reduce(0) { $0 + $1.utf8.count } == 1_000_000)
    }

    @Test func wrappedCJKNeverPassesTheWidthInColumns() {
        let style = TerminalStyle(width: 40)
        let sentence = "检查 " + String(repeating: "中文字符", count: 30) + " 登录 😀😀😀 🇸🇪 a\u{301}b 완료"
        let lines = style.wrap(InkedWord.words(sentence), indent: "    ")
        #expect(lines.count > 6)
        for line in lines { #expect(DisplayWidth.columns(line) <= 40, "\(line)") }
        // Nothing is lost: the words come back in order.
        #expect(
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined().filter { $0 != " " }
                == sentence.filter { $0 != " " })
    }

    func cjkReport(suite: String) throws -> ComparisonReport {
        try ProjectComparator().compare(
            Support.makeProject(suites: [(suite, [Support.makeCase(1, "登录", refs: "甲")]), ("Accounts", [])]),
            Support.makeProject(
                id: 2, suites: [(suite, [Support.makeCase(2, "登录", refs: "乙")]), ("Accounts", [])]))
    }

    @Test func theSummaryAlignsColumnsWithACJKSuiteName() throws {
        let table = TableRenderer().render(try cjkReport(suite: "账户管理"))
        let lines = table.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("Suite") })
        let row = try #require(lines.first { $0.hasPrefix("账户管理") })
        let other = try #require(lines.first { $0.hasPrefix("Accounts") })
        #expect(DisplayWidth.columns(row) == DisplayWidth.columns(header))
        #expect(DisplayWidth.columns(other) == DisplayWidth.columns(header))
        // The suite column is as wide as the widest name in columns: 8 (4 wide characters, "Accounts").
        #expect(row.hasPrefix("账户管理  "))
    }

    @Test func aFittedSummaryWithCJKNeverPassesTheWidth() throws {
        let table = TableRenderer(style: TerminalStyle(width: 40)).render(
            try cjkReport(suite: String(repeating: "账户管理", count: 10)))
        for line in table.split(separator: "\n") { #expect(DisplayWidth.columns(line) <= 40, "\(line)") }
        #expect(table.contains("…"))
    }

    @Test func statShowsTheTotalsAloneAndTheFullTableEndsWithThem() throws {
        let report = try report()
        let stat = TableRenderer(summaryOnly: true).render(report)
        #expect(!stat.contains("Differences") && !stat.contains("Sign in with Google"))
        #expect(stat.contains("Accounts") && stat.contains("Total "))
        #expect(stat.hasSuffix("Drift: 2 cases (fail-on: added, removed, changed, moved, renamed).\n"))
        let full = TableRenderer().render(report)
        let totals = "Total: 0 added, 0 removed, 2 changed, 0 moved, 0 renamed, 0 unchanged (2 left, 2 right cases)."
        let differences = try #require(full.range(of: "Differences"))
        #expect(full.range(of: totals).map { $0.lowerBound > differences.upperBound } == true)
        let markdown = MarkdownRenderer(summaryOnly: true).render(report)
        #expect(!markdown.contains("<details>") && markdown.contains("| **Total** |"))
        #expect(MarkdownRenderer().render(report).contains("<details>"))
    }
}
