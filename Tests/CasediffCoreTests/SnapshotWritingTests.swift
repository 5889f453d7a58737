import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// `ProjectSnapshot.encoded()` streams the file; it must be byte for byte what `JSONEncoder` writes for the
/// snapshot's `Encodable` form (the reference), whatever the cases hold.
@Suite struct SnapshotWritingTests {
    static let takenAt = Date(timeIntervalSince1970: 1_764_000_000)

    /// The reference: the `Encodable` form through `JSONEncoder`, as snapshots were written before streaming.
    static func reference(_ snapshot: ProjectSnapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var bytes = try encoder.encode(snapshot)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    static func expectSame(_ snapshot: ProjectSnapshot, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let streamed = try snapshot.encoded()
        let expected = try reference(snapshot)
        #expect(
            streamed == expected,
            "streamed:\n\(String(decoding: streamed.prefix(3000), as: UTF8.self))\nreference:\n\(String(decoding: expected.prefix(3000), as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    @Test func aProjectWithEveryDefinitionIsWrittenAsTheEncoderWritesIt() throws {
        for data in [ComparisonByMeaningTests.pair().0, ComparisonByMeaningTests.pair().1] {
            try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
        }
    }

    @Test func aProjectWithoutDefinitionsOrCasesIsWrittenAsTheEncoderWritesIt() throws {
        var data = ComparisonByMeaningTests.pair().0
        data.definitions = ProjectDefinitions()
        try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
        data.suites = data.suites.map { SuiteData(suite: $0.suite, sections: [], cases: []) }
        try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
        data.definitions.notes = ["a note", "another \"quoted\" note"]
        try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
    }

    @Test func aCustomFieldUnderAStandardNameReplacesItAsTheEncoderDoes() throws {
        var data = ComparisonByMeaningTests.pair().0
        let odd = TestCase(
            id: 5, title: "Pay", customFields: ["id": "not an id", "labels": [1, 2], "zz": .null, "custom_a": 1])
        data.suites = [SuiteData(suite: data.suites[0].suite, sections: [], cases: [odd])]
        try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
    }

    @Test(arguments: 0..<20)
    func randomCasesAreWrittenAsTheEncoderWritesThem(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        var data = ComparisonByMeaningTests.pair().0
        let cases = (0..<12).map { index -> TestCase in
            var custom: [String: JSONValue] = [:]
            for _ in 0..<random.int(5) { custom["custom_" + random.key()] = random.value() }
            func maybe<T>(_ value: T) -> T? { random.int(3) == 0 ? nil : value }
            return TestCase(
                id: index + 1, title: random.string(), sectionID: maybe(random.int(1000)), suiteID: maybe(3),
                templateID: maybe(random.int(4)), typeID: maybe(7), priorityID: maybe(2), milestoneID: maybe(9),
                refs: maybe(random.string()), estimate: maybe("1h 30m"), estimateForecast: maybe(random.string()),
                createdBy: maybe(17), createdOn: maybe(1_700_000_000), updatedBy: maybe(18),
                updatedOn: maybe(Int(random.int64() / 4)), displayOrder: maybe(index), isDeleted: random.int(5) == 0,
                labels: random.int(2) == 0
                    ? nil : (0..<random.int(3)).map { CaseLabel(id: maybe($0 + 1), title: random.string()) },
                customFields: custom)
        }
        data.suites = [SuiteData(suite: data.suites[0].suite, sections: data.suites[0].sections, cases: cases)]
        try Self.expectSame(ProjectSnapshot(data: data, takenAt: Self.takenAt, toolVersion: "9.9.9"))
    }
}
