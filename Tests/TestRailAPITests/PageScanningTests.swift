import Foundation
import Testing

@testable import TestRailAPI

/// The scanner (``JSONScanner``) against the reference decoder (`JSONSerialization`, then `JSONDecoder`): on
/// generated and hostile pages it must give exactly what the reference gives — the same items, byte for byte, and
/// the same envelope — or the same error. TestRail-shaped pages must not fall back at all, or the fast path would be
/// untested.
@Suite struct PageScanningTests {
    static let requested = TestRailEndpoint.getCases(projectID: 1, suiteID: 2)
    static let next = "/api/v2/get_cases/1&suite_id=2&limit=250&offset=250"

    @Test(arguments: 0..<40)
    func generatedPagesScanExactlyAsTheReferenceDecodes(seed: UInt64) throws {
        var random = TestRandom(seed: seed)
        let body = Data(PageText.page(cases: Int.random(in: 1...40, using: &random), hostile: false, &random).utf8)
        let scanned = try #require(
            Page<TestCase>.scanned(body, itemsKey: "cases", follow: Self.follow),
            "a TestRail-shaped page fell back: \(String(decoding: body, as: UTF8.self))")
        let reference = try Page<TestCase>.referenceDecoded(body, itemsKey: "cases", follow: Self.follow)
        try Self.expectSame(scanned, reference, body: body)
    }

    @Test(arguments: 0..<200)
    func hostilePagesDecodeOrFailExactlyAsTheReferenceDoes(seed: UInt64) throws {
        var random = TestRandom(seed: seed &+ 1000)
        var text = PageText.page(cases: Int.random(in: 1...6, using: &random), hostile: true, &random)
        var body = Data(text.utf8)
        switch Int.random(in: 0..<10, using: &random) {
        case 0: body = body.prefix(Int.random(in: 0..<body.count, using: &random))
        case 1:
            // A byte that is not UTF-8 inside a title.
            text = text.replacingOccurrences(of: "\"title\":\"", with: "\"title\":\"\u{1}")
            body = Data(text.utf8)
            if let at = body.firstIndex(of: 0x01) { body[at] = 0xFF }
        case 2: body.append(contentsOf: Array("x".utf8))
        default: break
        }
        try Self.expectSameOutcome(body)
    }

    @Test(arguments: [
        #"{"cases":[{"id":1,"title":"a\ud800"}]}"#,
        #"{"cases":[{"id":1,"title":"a\udc00b"}]}"#,
        #"{"cases":[{"id":1,"title":"tab\there"}]}"#,
        "{\"cases\":[{\"id\":1,\"title\":\"raw\ttab\"}]}",
        #"{"cases":[{"id":1,"title":"a","custom_x":[1,]}]}"#,
        #"{"cases":[{"id":1,"title":"a",}]}"#,
        #"{"cases":[{"id":9223372036854775807,"title":"a"}]}"#,
        #"{"cases":[{"id":9223372036854775808,"title":"a"}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_big":9223372036854775808}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_big":-9223372036854775809}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_big":1180591620717411303424}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_d":0.30000000000000004,"custom_e":1e400,"custom_f":1e-400}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_d":12345678901234567.0}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_d":-0.0,"custom_e":-0,"custom_f":1E2,"custom_g":2.5e-3}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_d":1.00000000000000E+20,"custom_e":1.0000000000000E+20}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_d":123456789012345E2,"custom_e":12345.6789012E-3}]}"#,
        #"{"cases":[{"id":1,"title":"a","section_id":1.0000000000000E+2,"suite_id":5e0}]}"#,
        #"{"cases":[{"id":"12","title":"a","section_id":"x","priority_id":3.0}]}"#,
        #"{"cases":[{"id":1.5,"title":"a"}]}"#,
        #"{"cases":[{"id":true,"title":"a"}]}"#,
        #"{"cases":[{"id":1,"title":null}]}"#,
        #"{"cases":[{"id":1}]}"#,
        #"{"cases":[{"id":1,"title":"a","id":2}]}"#,
        #"{"cases":[{"id":1,"title":"a","id":"two"}]}"#,
        #"{"cases":[{"id":1,"title":"a","refs":5,"estimate":true}]}"#,
        #"{"cases":[{"id":1,"title":"a","is_deleted":"1"}]}"#,
        #"{"cases":[{"id":1,"title":"a","is_deleted":2}]}"#,
        #"{"cases":[{"id":1,"title":"a","labels":"x"}]}"#,
        #"{"cases":[{"id":1,"title":"a","labels":[{"id":"4","name":"n"},{"title":1,"name":"m"},{"id":2},7]}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_\u0078":1}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_é":1}]}"#,
        #"{"cases":[{"id":1,"title":"a"}],"_links":{"next":"/api/v2/get_cases/9&suite_id=2&offset=250"}}"#,
        #"{"cases":[{"id":1,"title":"a"}],"_links":{"next":5,"prev":7}}"#,
        #"{"cases":[{"id":1,"title":"a"}],"_links":[]}"#,
        #"{"cases":[{"id":1,"title":"a"}],"offset":"0","limit":250.0,"size":null}"#,
        #"{"cases":{"id":1,"title":"a"}}"#,
        #"{"cases":[{"id":1,"title":"a"}, 5]}"#,
        #"{"projects":[]}"#,
        #"[{"id":1,"title":"legacy"}]"#,
        #"[]"#,
        "\u{FEFF}{\"cases\":[]}",
        "",
        "   ",
        #"<html><body>Maintenance</body></html>"#,
        #"{"cases":[{"id":1,"title":"a","custom_n":nul}]}"#,
        #"{"cases":[{"id":1,"title":"a","custom_n":01}]}"#,
    ])
    func oddFormsDecodeOrFailExactlyAsTheReferenceDoes(text: String) throws {
        try Self.expectSameOutcome(Data(text.utf8))
    }

    @Test func deepNestingFailsAsTheReferenceFails() throws {
        for depth in [100, 127, 128, 129, 511, 513, 2000] {
            let value = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            try Self.expectSameOutcome(Data(#"{"cases":[{"id":1,"title":"a","custom_deep":\#(value)}]}"#.utf8))
        }
    }

    @Test func aNumberBeyondSixtyFourBitsIsKeptAsItsTextNotWrapped() throws {
        let body = Data(#"{"cases":[{"id":1,"title":"a","custom_big":9223372036854775808}]}"#.utf8)
        let page = try Page<TestCase>.decode(body, itemsKey: "cases")
        #expect(page.items[0].customFields["custom_big"] == .number("9223372036854775808"))
    }

    @Test func customFieldNamesAreSharedAcrossAPage() throws {
        let body = Data(
            #"{"cases":[{"id":1,"title":"a","custom_x":1},{"id":2,"title":"b","custom_x":2}]}"#.utf8)
        let page = try #require(
            Page<TestCase>.scanned(body, itemsKey: "cases", follow: Self.follow))
        #expect(page.items.map { $0.customFields["custom_x"] } == [.int(1), .int(2)])
    }

    // MARK: Comparing

    static func follow(_ link: String) throws -> TestRailEndpoint {
        try TestRailEndpoint.nextPage(apiPath: link, after: requested)
    }

    /// Both decoders through the whole of `Page.decode` (UTF-8 repair and continuity checks included).
    static func expectSameOutcome(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = Result { try Page<TestCase>.decode(body, itemsKey: "cases", requested: requested, scanning: true) }
        let reference = Result {
            try Page<TestCase>.decode(body, itemsKey: "cases", requested: requested, scanning: false)
        }
        switch (fast, reference) {
        case (.success(let fast), .success(let reference)):
            try expectSame(fast, reference, body: body, sourceLocation: sourceLocation)
        case (.failure(let fast), .failure(let reference)):
            #expect(
                String(describing: fast) == String(describing: reference), "\(String(decoding: body, as: UTF8.self))",
                sourceLocation: sourceLocation)
        default:
            Issue.record(
                "fast \(fast), reference \(reference) for \(String(decoding: body, as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
    }

    static func expectSame(
        _ fast: Page<TestCase>, _ reference: Page<TestCase>, body: Data,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(fast.items == reference.items, sourceLocation: sourceLocation)
        #expect(
            fast.items.map(Fingerprint.of) == reference.items.map(Fingerprint.of),
            "\(String(decoding: body, as: UTF8.self))", sourceLocation: sourceLocation)
        let envelope = [fast.offset, fast.limit, fast.size]
        let referenceEnvelope = [reference.offset, reference.limit, reference.size]
        #expect(envelope == referenceEnvelope, sourceLocation: sourceLocation)
        #expect(fast.next == reference.next, sourceLocation: sourceLocation)
        #expect(fast.previous == reference.previous, sourceLocation: sourceLocation)
        #expect(fast.isLegacy == reference.isLegacy, sourceLocation: sourceLocation)
        #expect(fast.warnings == reference.warnings, sourceLocation: sourceLocation)
    }
}

/// A case written out exactly: strings as their scalars (`String`'s `==` is canonical equivalence, which would hide
/// a changed byte), numbers with their kind, dictionaries in key order.
enum Fingerprint {
    static func of(_ testCase: TestCase) -> String {
        let fields: [String] = [
            "\(testCase.id)", text(testCase.title), "\(String(describing: testCase.sectionID))",
            "\(String(describing: testCase.suiteID))", "\(String(describing: testCase.templateID))",
            "\(String(describing: testCase.typeID))", "\(String(describing: testCase.priorityID))",
            "\(String(describing: testCase.milestoneID))", testCase.refs.map(text) ?? "nil",
            testCase.estimate.map(text) ?? "nil", testCase.estimateForecast.map(text) ?? "nil",
            "\(String(describing: testCase.createdBy))", "\(String(describing: testCase.createdOn))",
            "\(String(describing: testCase.updatedBy))", "\(String(describing: testCase.updatedOn))",
            "\(String(describing: testCase.displayOrder))", "\(testCase.isDeleted)",
            testCase.labels.map { $0.map { "\(String(describing: $0.id)):\(text($0.title))" }.joined(separator: ",") }
                ?? "nil",
            of(.object(testCase.customFields)),
        ]
        return fields.joined(separator: "|")
    }

    static func of(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "b\(flag)"
        case .int(let number): return "i\(number)"
        case .double(let number): return "d\(number.bitPattern)"
        case .number(let digits): return "n\(digits)"
        case .string(let string): return text(string)
        case .array(let items): return "[" + items.map(of).joined(separator: ",") + "]"
        case .object(let fields):
            let keys = fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return "{" + keys.map { text($0) + ":" + of(fields[$0]!) }.joined(separator: ",") + "}"
        }
    }

    static func text(_ string: String) -> String {
        "\"" + string.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") + "\""
    }
}

/// SplitMix64, so every generated page repeats per seed.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
