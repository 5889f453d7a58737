import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct TextNormalizerTests {
    let plain = TextNormalizer(ignoreCase: false)

    /// The worked values in TextNormalizer's and HTMLText's doc comments: input, markup, ignore case, result.
    static let table: [(String, Bool, Bool, String)] = [
        ("  Pay  by\n card ", false, false, "Pay by card"),
        ("Cafe\u{301}", false, false, "Caf\u{E9}"),
        ("<p>Pay&nbsp;<b>by</b></p>", true, false, "Pay by"),
        ("Pay By Card", false, true, "pay by card"),
        ("<p>Open <b>the</b> cart</p>", true, false, "Open the cart"),
        ("<p>Line 1<br>Line 2</p>", true, false, "Line 1 Line 2"),
        // Markdown: a tag-like placeholder is content; only HTML (starting with a known element) loses its tags.
        ("Line 1<br>Line 2", true, false, "Line 1<br>Line 2"),
        ("Enter <email> in the sign-in form", true, false, "Enter <email> in the sign-in form"),
        ("<email> must be valid", true, false, "<email> must be valid"),
        ("Enter &lt;email&gt; &amp; submit", true, false, "Enter <email> & submit"),
        ("<p>Enter &lt;email&gt;</p>", true, false, "Enter <email>"),
        ("  <div><strong>Note</strong></div>", true, false, "Note"),
        ("<p>Caf&eacute; &rarr; <email></p>", true, false, "Caf\u{E9} \u{2192} <email>"),
        ("<p>&Eacute;t&eacute; &apos;24</p>", true, false, "\u{C9}t\u{E9} '24"),
        ("<b>Note:</b> enter <email>", true, false, "<b>Note:</b> enter <email>"),
        (#"<p><img src="a.png" alt="x"> done</p>"#, true, false, "[image a.png] done"),
        ("Fish &amp; chips &#8211; &lt;b&gt;", true, false, "Fish & chips \u{2013} <b>"),
        ("a < b", true, false, "a < b"),
        ("<!-- note -->Kept &#x41;", true, false, "Kept A"),
        ("Already normal", false, false, "Already normal"),
        ("<p>Markup in a plain field</p>", false, false, "<p>Markup in a plain field</p>"),
        ("&unknown; entity", true, false, "&unknown; entity"),
    ]

    @Test(arguments: table)
    func normalizes(_ input: String, _ rich: Bool, _ ignoreCase: Bool, _ expected: String) {
        let result = TextNormalizer(ignoreCase: ignoreCase).normalize(input, markup: rich)
        #expect(result == expected)
        #expect(Array(result.unicodeScalars) == Array(expected.unicodeScalars), "NFC, scalar for scalar")
    }

    @Test func theFastPathReturnsTheSameString() {
        #expect(plain.normalize("Abc def") == "Abc def")
        #expect(plain.normalize("") == "")
        #expect(plain.normalize(" ") == "")
        #expect(plain.normalize("trailing ") == "trailing")
    }
}

@Suite struct TitleSimilarityTests {
    func similarity(_ a: String, _ b: String, _ threshold: Double = 0) -> Double? {
        TitleSimilarity.similarity(Array(a.unicodeScalars), Array(b.unicodeScalars), atLeast: threshold)
    }

    /// The worked values in TitleSimilarity's doc comment.
    static let table: [(String, String, Double)] = [
        ("Reject an expired coupon", "Reject expired coupon", 0.875),
        ("Sign in with Google", "Sign in with Google SSO", 1 - 4.0 / 23),
        ("Pay by credit card", "Pay by debit card", 1 - 3.0 / 18),
        ("Export orders to CSV", "Import orders from CSV", 1 - 5.0 / 22),
        ("Pay by card", "Refund an order", 0.2),
    ]

    @Test(arguments: table)
    func matchesTheTable(_ a: String, _ b: String, _ expected: Double) throws {
        let value = try #require(similarity(a, b))
        #expect(abs(value - expected) < 1e-9, "\(a) / \(b): \(value)")
        #expect(similarity(b, a) == value, "symmetric")
    }

    @Test func belowTheThresholdIsNil() {
        #expect(similarity("Pay by card", "Refund an order", 0.8) == nil)
        #expect(similarity("Short", "A much longer title than that", 0.8) == nil)
        #expect(similarity("Reject an expired coupon", "Reject expired coupon", 0.8) == 0.875)
        #expect(similarity("", "", 0.8) == 1)
        #expect(similarity("Same", "Same", 1) == 1)
    }
}

@Suite struct StepAlignmentTests {
    func align(_ left: String, _ right: String) -> [StepAlignment.Operation] {
        let l = left.split(separator: " ").map(String.init)
        let r = right.split(separator: " ").map(String.init)
        return StepAlignment.align(
            l.count, r.count, equal: { l[$0] == r[$1] }, alike: { l[$0].prefix(1) == r[$1].prefix(1) })
    }

    /// The rows of StepAlignment's doc comment (B' is written Bx: alike B, not equal).
    @Test func matchesTheTable() {
        #expect(
            align("A B C", "A X B C") == [
                .same(left: 0, right: 0), .inserted(right: 1), .same(left: 1, right: 2), .same(left: 2, right: 3),
            ])
        #expect(
            align("A B C", "A Bx C") == [
                .same(left: 0, right: 0), .edited(left: 1, right: 1), .same(left: 2, right: 2),
            ])
        #expect(align("A B C", "A C") == [.same(left: 0, right: 0), .deleted(left: 1), .same(left: 2, right: 1)])
        #expect(align("A B", "A X Bx") == [.same(left: 0, right: 0), .inserted(right: 1), .edited(left: 1, right: 2)])
    }

    @Test func emptySidesInsertOrDeleteEverything() {
        #expect(align("", "A B") == [.inserted(right: 0), .inserted(right: 1)])
        #expect(align("A", "") == [.deleted(left: 0)])
    }
}

@Suite struct FieldChangeTests {
    @Test func pathsAreJSONPointers() {
        #expect(FieldChange(field: "priority", old: 1, new: 2, kind: .changed).path == "/priority")
        let step = FieldChange(
            field: "custom_steps_separated", location: .step(index: 2, key: "expected"), old: 1, new: 2, kind: .changed)
        #expect(step.path == "/custom_steps_separated/2/expected")
        let odd = FieldChange(
            field: "custom_a/b~c", location: .step(index: 0, key: nil), old: 1, new: 2, kind: .changed)
        #expect(odd.path == "/custom_a~1b~0c/0")
    }
}
