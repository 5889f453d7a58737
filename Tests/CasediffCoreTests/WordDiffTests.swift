import TestRailSimulator
import Testing

@testable import CasediffCore

@Suite struct WordDiffTests {
    @Test func theDocumentedExamples() {
        #expect(
            WordDiff.diff("Order confirmed", "Order confirmed and e-mailed")
                == [.same(["Order", "confirmed"]), .inserted(["and", "e-mailed"])])
        #expect(
            WordDiff.diff("A Google account without 2FA", "A Google account with 2FA")
                == [.same(["A", "Google", "account"]), .removed(["without"]), .inserted(["with"]), .same(["2FA"])])
        #expect(WordDiff.diff("a b c", "x y z") == [.removed(["a", "b", "c"]), .inserted(["x", "y", "z"])])
        #expect(WordDiff.diff("same  words", "same words\n") == [.same(["same", "words"])])
        #expect(WordDiff.diff("", "new") == [.inserted(["new"])])
    }

    @Test func plainTextMarksAsGitWordDiffDoes() {
        let segments = WordDiff.diff("Log in with e-mail and password", "Sign in with email and password")
        #expect(WordDiff.plain(segments) == "[-Log-]{+Sign+} in with [-e-mail-]{+email+} and password")
    }

    /// Both texts come back from the segments: the kept and removed words are the old text, the kept and inserted
    /// ones the new; a longest common subsequence keeps as many words as can be kept.
    @Test func theSegmentsRebuildBothTextsAndKeepTheMostWords() {
        var random = SeededRandom(seed: 19)  // the same words every run
        let vocabulary = ["a", "b", "c", "d", "e"]
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)!
            }
            let new = (0..<Int.random(in: 0...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)!
            }
            let segments = WordDiff.diff(old, new)
            let rebuiltOld = segments.flatMap { segment -> [String] in
                if case .inserted = segment { return [] } else { return segment.words }
            }
            let rebuiltNew = segments.flatMap { segment -> [String] in
                if case .removed = segment { return [] } else { return segment.words }
            }
            #expect(rebuiltOld == old && rebuiltNew == new)
            let kept = segments.reduce(0) { count, segment in
                if case .same(let words) = segment { return count + words.count } else { return count }
            }
            #expect(kept == Self.lcsLength(old, new), "\(old) \(new)")
            #expect(WordDiff.diff(old, new) == segments)
        }
    }

    @Test func aHugeMiddleIsOneReplacementNotAQuadraticTable() {
        let old = (0..<5_000).map { "w\($0)" }
        let new = (0..<5_000).map { $0 % 2 == 0 ? "w\($0)" : "x\($0)" }
        let segments = WordDiff.diff(["start"] + old + ["end"], ["start"] + new + ["end"])
        #expect(segments.first == .same(["start", "w0"]) && segments.last == .same(["end"]))
        // w0 is a common prefix and w4998 x4999 differ at the end, so the middle is one removal and one insertion.
        #expect(segments.count == 4)
    }

    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices {
            for j in b.indices {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}
