import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The comparison suite pair by suite pair (``IncrementalComparison``, ``ReportStream``, ``CompareJob/run(streaming:)``)
/// gives the bytes of the whole comparison in every format, whatever order the suites arrive in.
@Suite struct StreamedComparisonTests {
    static let renderers: [any SuitePartRenderer] = [
        JSONRenderer(), TableRenderer(), MarkdownRenderer(), CSVRenderer(), JUnitRenderer(), HTMLRenderer(),
    ]
    static let context = RenderContext(toolVersion: "streamed")

    /// Every format of a whole report.
    static func whole(_ report: ComparisonReport) throws -> [Data] {
        try renderers.map { try $0.document(report, context: context) }
    }

    /// Every format written from a stream.
    static func streamed(_ report: ComparisonReport, _ stream: ReportStream) throws -> [Data] {
        try renderers.indices.map { index in
            var out = Data()
            try stream.write(index, report: report, context: context) { out.append($0) }
            return out
        }
    }

    /// Feeds both projects' suites in `order` (side, index) and streams every pair compared; returns the report,
    /// the documents, and how many pairs were compared before the end.
    static func stream(
        _ left: ProjectData, _ right: ProjectData, options: ComparisonOptions, order: [(Side, Int)]
    ) throws -> (report: ComparisonReport, documents: [Data], early: Int) {
        let stream = try ReportStream(renderers: renderers)
        var comparison = try IncrementalComparison(
            options: options, left: left, right: right,
            listings: [.left: left.suites.map(\.suite), .right: right.suites.map(\.suite)], holdAll: false)
        var early = 0
        var added: Set<String> = []
        for (side, index) in order {
            for work in comparison.add((side == .left ? left : right).suites[index], side: side) {
                let result = work.run()
                #expect(!added.contains(result.suite.identity))
                try stream.add(result.suite, of: comparison.shell)
                comparison.record(result)
                added.insert(result.suite.identity)
                early += 1
            }
        }
        var report = try comparison.finish()
        for suite in report.suites where !added.contains(suite.identity) {
            try stream.add(suite, of: comparison.shell)
        }
        report.suites = report.suites.map(\.withoutRecords)
        return (report, try streamed(report, stream), early)
    }

    /// Arrival orders: left then right, right then left reversed, and a seeded interleaving.
    static func orders(_ left: ProjectData, _ right: ProjectData, seed: UInt64) -> [[(Side, Int)]] {
        let all = left.suites.indices.map { (Side.left, $0) } + right.suites.indices.map { (Side.right, $0) }
        // SplitMix64: the same seed, the same interleaving.
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var shuffled = all
        for index in shuffled.indices.reversed() where index > 0 {
            shuffled.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return [all, all.reversed(), shuffled]
    }

    @Test(arguments: GoldenScenarioTests.scenarios) func everyGoldenScenarioStreamsToTheSameBytes(_ scenario: String)
        async throws
    {
        let left = try GoldenScenarioTests.load(ProjectData.self, scenario, "left.json")
        let right = try GoldenScenarioTests.load(ProjectData.self, scenario, "right.json")
        let options = try GoldenScenarioTests.load(GoldenScenarioTests.Options.self, scenario, "options.json")
            .comparison
        let expected = try Self.whole(try ProjectComparator(options: options).compare(left, right))
        for (seed, order) in Self.orders(left, right, seed: 11).enumerated() {
            // A scenario whose suites carry different fields may send the comparison back (the job then compares
            // whole, below); whatever it streams is the whole comparison's bytes.
            guard let streamed = try? Self.stream(left, right, options: options, order: order) else {
                #expect(throws: IncrementalComparison.FieldSetChanged.self) {
                    _ = try Self.stream(left, right, options: options, order: order)
                }
                continue
            }
            #expect(streamed.documents == expected, "\(scenario), order \(seed)")
        }
        let stream = try ReportStream(renderers: Self.renderers)
        let job = CompareJob(
            client: nil, left: .snapshot(left), right: .snapshot(right), options: .init(comparison: options))
        let result = try await job.run(streaming: stream)
        #expect(try Self.streamed(result.report, stream) == expected, "\(scenario), the job")
    }

    /// A title holding a line break (CRLF, one Character in Swift) inside a Markdown row: the rows listed from a
    /// streamed part are the whole comparison's, none dropped.
    @Test func rowsWithLineBreaksStreamWhole() async throws {
        let (left, original) = try await Self.storefront()
        var right = original
        for suite in right.suites.indices {
            for index in right.suites[suite].cases.indices where index % 2 == 0 {
                right.suites[suite].cases[index].title += "\r\nsecond line"
            }
        }
        let expected = try Self.whole(try ProjectComparator().compare(left, right))
        let stream = try ReportStream(renderers: Self.renderers)
        let result = try await CompareJob(client: nil, left: .snapshot(left), right: .snapshot(right)).run(
            streaming: stream)
        let streamed = try Self.streamed(result.report, stream)
        #expect(streamed[2] == expected[2], "Markdown")
        #expect(streamed == expected)
    }

    /// The demo's Storefront pair, fetched whole with its definitions: its fields settle with the first suites, so
    /// most pairs are compared before the end, and the bytes are still the whole comparison's.
    @Test func theStorefrontPairIsComparedAsItsSuitesArrive() async throws {
        let (left, right) = try await Self.storefront()
        let options = ComparisonOptions()
        let expected = try Self.whole(try ProjectComparator(options: options).compare(left, right))
        for order in Self.orders(left, right, seed: 5) {
            let streamed = try Self.stream(left, right, options: options, order: order)
            #expect(streamed.documents == expected)
            #expect(streamed.early >= left.suites.count - 1, "pairs compared before the end: \(streamed.early)")
        }
    }

    /// A field no configuration defines, first seen in the last suites: the pairs compared early used the wrong
    /// field set, `finish` says so, and the job compares the whole projects again to the same bytes.
    @Test func aFieldFirstSeenLateSendsTheJobBackToTheWholeComparison() async throws {
        var (left, right) = try await Self.storefront()
        let last = left.suites.count - 1
        for index in left.suites[last].cases.indices {
            left.suites[last].cases[index].customFields["custom_late"] = .int(1)
        }
        let lastRight = try #require(right.suites.firstIndex { $0.suite.name == left.suites[last].suite.name })
        for index in right.suites[lastRight].cases.indices {
            right.suites[lastRight].cases[index].customFields["custom_late"] = .int(2)
        }
        let options = ComparisonOptions()
        let whole = try ProjectComparator(options: options).compare(left, right)
        #expect(whole.comparedFields.contains(.custom("custom_late")))
        // The late field's suites come last.
        let order =
            left.suites.indices.filter { $0 != last }.map { (Side.left, $0) }
            + right.suites.indices.filter { $0 != lastRight }.map { (Side.right, $0) } + [
                (.left, last), (.right, lastRight),
            ]
        #expect(throws: IncrementalComparison.FieldSetChanged.self) {
            _ = try Self.stream(left, right, options: options, order: order)
        }
        let stream = try ReportStream(renderers: Self.renderers)
        let result = try await CompareJob(client: nil, left: .snapshot(left), right: .snapshot(right)).run(
            streaming: stream)
        #expect(try Self.streamed(result.report, stream) == (try Self.whole(whole)))
    }

    /// The live job streaming against the simulator writes what the whole job renders.
    @Test func theLiveJobStreamsTheWholeJobsBytes() async throws {
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let job = CompareJob(
                client: try simulator.demoClient(), left: ProjectReference("1"),
                right: ProjectReference("Storefront (migrated)"))
            let whole = try await job.run()
            let stream = try ReportStream(renderers: Self.renderers)
            let streamed = try await job.run(streaming: stream)
            #expect(streamed.left.suites.isEmpty && streamed.right.suites.isEmpty)
            #expect(streamed.report.suites.allSatisfy { $0.records.isEmpty })
            #expect(try Self.streamed(streamed.report, stream) == (try Self.whole(whole.report)))
        }
    }

    /// Both Storefront projects of the demo, fetched whole.
    static func storefront() async throws -> (ProjectData, ProjectData) {
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let result = try await CompareJob(
                client: try simulator.demoClient(), left: ProjectReference("1"),
                right: ProjectReference("Storefront (migrated)")
            ).run()
            return (result.left, result.right)
        }
    }
}
