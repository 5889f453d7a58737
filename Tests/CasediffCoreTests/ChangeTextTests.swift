import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// How the table and JUnit write a change: the table's cap and elided word diff, JUnit's limit.
@Suite struct ChangeTextTests {
    static func makeNote(_ old: String, _ new: String) -> FieldChange {
        FieldChange(field: "custom_note", old: .string(old), new: .string(new), kind: .changed)
    }

    static func words(_ range: ClosedRange<Int>) -> [String] { range.map { "w\($0)" } }

    @Test func longUnchangedRunsKeepTheirContextNextToEachChange() {
        let segments: [WordDiff.Segment] = [
            .same(Self.words(1...20)), .removed(["old"]), .inserted(["new"]), .same(Self.words(21...40)),
            .inserted(["more"]), .same(Self.words(41...60)),
        ]
        let elided = ChangeText.elided(segments, context: 2)
        #expect(
            elided == [
                .same(["…", "w19", "w20"]), .removed(["old"]), .inserted(["new"]),
                .same(["w21", "w22", "…", "w39", "w40"]),
                .inserted(["more"]), .same(["w41", "w42", "…"]),
            ])
        // A run no longer than the context (or one word more) stays whole; so does a diff without a change.
        let short: [WordDiff.Segment] = [.same(Self.words(1...3)), .removed(["x"]), .same(Self.words(4...6))]
        #expect(ChangeText.elided(short, context: 2) == short)
        #expect(ChangeText.elided([.same(Self.words(1...30))], context: 2) == [.same(Self.words(1...30))])
    }

    /// JUnit's line elides long unchanged runs as the table does, so a change deep in a long text is within its
    /// limit.
    @Test func aChangeDeepInALongTextShowsInJUnitsLine() {
        let old = Self.words(1...300).joined(separator: " ")
        let new = old.replacingOccurrences(of: " w250 ", with: " changed ")
        let line = ChangeText.plainLine(Self.makeNote(old, new), limit: 400)
        #expect(line.count <= 400 + "custom_note: \"\"".count, "\(line)")
        #expect(line.contains("[-w250-]{+changed+}"), "\(line)")
        #expect(line.contains("… w242") && line.contains("w258 …"), "\(line)")
    }

    @Test func eachSideOfAWordDiffIsCappedAndTheRestCounted() {
        // The old side is 10 + 10 characters, the new 10 + 30: the new side passes 25 within the insertion.
        let segments: [WordDiff.Segment] = [
            .same(["aaaaaaaaaa"]), .removed(["rrrrrrrrrr"]), .inserted(["iiiiiiiiiiiiiiiiiiii", "jjjjjjjjjj"]),
            .same(["tail"]),
        ]
        let (shown, more) = ChangeText.capped(segments, limit: 25)
        #expect(shown == [.same(["aaaaaaaaaa"]), .removed(["rrrrrrrrrr"]), .inserted(["iiiiiiiiiiiiiii…"])])
        #expect(more == 5 + 10 + 4)
        #expect(ChangeText.capped(segments, limit: 100) == (segments, 0))
        // A removal cut at the cap still shows its insertion; the kept words after it end the diff.
        let replaced: [WordDiff.Segment] = [
            .same(["k"]), .removed([String(repeating: "r", count: 20)]), .inserted(["ii"]), .same(["t"]),
            .inserted(["later"]),
        ]
        let (cut, left) = ChangeText.capped(replaced, limit: 10)
        #expect(cut == [.same(["k"]), .removed(["rrrrrrrrr…"]), .inserted(["ii"])])
        #expect(left == 11 + 1 + 5)
    }

    @Test func theTableCapsAHugeValueAndSaysHowMuchIsLeft() {
        let huge = String(repeating: "x", count: 1_000_000)
        let line = ChangeText.words(Self.makeNote("short", huge), color: false).map(\.text).joined(separator: " ")
        #expect(line.count < ChangeText.tableValueLimit + 200)
        let shownOfHuge = ChangeText.tableValueLimit - 1  // the opening quote is one of the characters
        #expect(
            line.hasSuffix("x… (\(1_000_000 + 2 - ChangeText.tableValueLimit) more characters; the JSON diff has all)"))
        #expect(line.contains(String(repeating: "x", count: shownOfHuge)))
    }

    @Test func theTableWordDiffOfAHugeTextIsElidedAndCapped() {
        let old = (0..<20_000).map { "word\($0)" }
        var new = old
        new[10_000] = "changed"
        let words = ChangeText.words(
            Self.makeNote(old.joined(separator: " "), new.joined(separator: " ")), color: false)
        let line = words.map(\.text).joined(separator: " ")
        #expect(
            line
                == "custom_note: \" … " + (9_992..<10_000).map { "word\($0)" }.joined(separator: " ")
                + " [-word10000-] {+changed+} " + (10_001...10_008).map { "word\($0)" }.joined(separator: " ")
                + " … \"")
        // A long change itself is cut at the cap.
        let rewritten = ChangeText.words(
            Self.makeNote("keep " + old.joined(separator: " "), "keep " + new.reversed().joined(separator: " ")),
            color: false)
        let text = rewritten.map(\.text).joined(separator: " ")
        #expect(text.count < 2 * ChangeText.tableValueLimit + 1_000)
        #expect(text.contains("…-] {+word19999") && text.contains("…+} ("))
        #expect(text.hasSuffix("characters; the JSON diff has all)"))
    }

    /// JUnit diffs once and honours its limit on the word-diff path too.
    @Test func junitsPlainWordDiffIsCutAtTheLimit() {
        let old = "Open the sign-in page, enter a valid email and the password, then press Sign in"
        let new = "Open the sign-in page, enter a valid phone number and the password, then press Sign in"
        #expect(
            ChangeText.plainLine(Self.makeNote(old, new), limit: 400)
                == "custom_note: \"Open the sign-in page, enter a valid [-email-]{+phone number+} and the password, "
                + "then press Sign in\"")
        let cut = ChangeText.plainLine(Self.makeNote(old, new), limit: 40)
        #expect(cut == "custom_note: \"Open the sign-in page, enter a valid [-…\"")
        // A change every fifth word: nothing to elide, so the line is cut at the limit.
        let long = (0..<10_000).map { "w\($0)" }
        let changed = long.enumerated().map { $0.offset % 5 == 0 ? "x\($0.offset)" : $0.element }
        let line = ChangeText.plainLine(
            Self.makeNote(long.joined(separator: " "), changed.joined(separator: " ")), limit: 400)
        #expect(line.count == 400 + 15 && line.hasSuffix("…\""))
    }
}
