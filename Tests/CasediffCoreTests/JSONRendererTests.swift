import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The streamed diff export against the `Encodable` reference (``DiffDocument`` through `JSONEncoder`, as the export
/// was written before the writer): the same bytes for every report and context.
@Suite struct JSONRendererTests {
    /// The export as `JSONEncoder` writes the reference document.
    static func reference(_ report: ComparisonReport, context: RenderContext) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(DiffDocument(report, context: context)), as: UTF8.self) + "\n"
    }

    static func rendered(_ report: ComparisonReport, context: RenderContext) throws -> String {
        String(decoding: try JSONRenderer().render(report, context: context), as: UTF8.self)
    }

    static func metrics(finalRate: Double?) -> FetchMetrics {
        var metrics = FetchMetrics()
        metrics.requests = 31
        metrics.pages = 24
        metrics.cases = 591
        metrics.suites = 10
        metrics.rateLimited = 2
        metrics.retries = 3
        metrics.speculative = 4
        metrics.wastedPages = 1
        metrics.duplicates = 5
        metrics.latencyP50 = .microseconds(12_345)
        metrics.latencyP95 = .nanoseconds(98_765_432_1)
        metrics.peakConcurrency = 6
        metrics.wallTime = .milliseconds(4_321)
        metrics.finalRatePerMinute = finalRate
        metrics.cache.memoryHits = 7
        metrics.cache.storeHits = 8
        metrics.incrementalSuites = 9
        return metrics
    }

    /// Every way the context changes the metadata: none, a time, metrics with and without a final rate, profiles.
    static let contexts: [RenderContext] = [
        RenderContext(),
        RenderContext(toolVersion: "1.2.3", generatedAt: Date(timeIntervalSince1970: 1_767_225_600.25)),
        RenderContext(toolVersion: "bench", metrics: metrics(finalRate: nil), rateProfile: .cloud),
        RenderContext(
            toolVersion: "v\"/\\", generatedAt: Date(timeIntervalSince1970: 0), metrics: metrics(finalRate: 179.9995),
            rateProfile: .perMinute(42), rateDescription: "left: cloud (180/min); right: server (no limit)"),
        RenderContext(metrics: FetchMetrics()),
    ]

    static func expectSameBytes(_ report: ComparisonReport, _ label: String) throws {
        for (index, context) in contexts.enumerated() {
            let expected = try reference(report, context: context)
            let actual = try rendered(report, context: context)
            #expect(actual == expected, "\(label), context \(index)")
        }
    }

    @Test(arguments: GoldenScenarioTests.scenarios) func theScenariosRenderAsTheReferenceDoes(_ scenario: String) throws
    {
        try Self.expectSameBytes(try GoldenScenarioTests.report(scenario), scenario)
    }

    @Test func everyOptionalMemberRendersAsTheReferenceDoes() throws {
        try Self.expectSameBytes(Self.everything(), "every member")
        var byTitle = Self.everything()
        byTitle.options = ComparisonOptions(match: .title, renameThreshold: 0.65, failOn: [])
        byTitle.left.snapshotTakenAt = nil
        byTitle.suites = []
        byTitle.duplicates = []
        try Self.expectSameBytes(byTitle, "by title, nothing compared")
        byTitle.options = ComparisonOptions(match: .path, renameThreshold: 1)
        try Self.expectSameBytes(byTitle, "renames off")
    }

    @Test func randomReportsRenderAsTheReferenceDoes() throws {
        var random = RandomJSON(seed: 2024)
        for index in 0..<40 {
            try Self.expectSameBytes(Self.randomReport(&random), "random report \(index)")
        }
    }

    @Test func aFetchedReportWithItsMetricsRendersAsTheReferenceDoes() async throws {
        let dataset = CompareJobTests.dataset
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let result = try await CompareJobTests().makeJob(simulator, "1", "2").run()
            let context = RenderContext(
                toolVersion: "test", generatedAt: Date(), metrics: result.metrics, rateProfile: .server)
            #expect(
                try Self.rendered(result.report, context: context)
                    == (try Self.reference(result.report, context: context)))
        }
    }

    /// A report with every optional member present: match by field, a snapshot side, duplicates with and without a
    /// suite, a record on one side only, a shared-step change, notes and one-sided fields.
    static func everything() -> ComparisonReport {
        let left = CaseRecord.Side(id: 1, suite: "Suite/1", sectionPath: "A > B", title: "Log in \"quickly\"")
        let right = CaseRecord.Side(id: 101, suite: "Suite/1", sectionPath: "A > C", title: "Log in\tquickly")
        let changes = [
            FieldChange(field: "section", old: "A > B", new: "A > C", kind: .moved),
            FieldChange(
                field: "custom_steps_separated", location: .step(index: 2, key: "expected"), old: .null,
                new: ["content": "x", "additional_info": [1, .double(2.5), .number("123456789012345678901234")]],
                kind: .changed, origin: "Shared: login"),
            FieldChange(field: "custom~/odd", old: [:], new: [], kind: .changed),
        ]
        let records = [
            CaseRecord(status: .moved, key: "log in", left: left, right: right, changes: changes, drift: true),
            CaseRecord(status: .added, key: "new", left: nil, right: right, duplicate: true, drift: true),
            CaseRecord(status: .removed, key: "", left: left, right: nil),
        ]
        let suites = [
            SuiteComparison(
                name: "Suite/1", leftSuiteID: 1, rightSuiteID: nil, leftCases: 2, rightCases: 2,
                counts: StatusCounts(added: 1, removed: 1, moved: 1, drift: 2), records: records),
            SuiteComparison(
                name: "Ünïcode 😀", leftSuiteID: nil, rightSuiteID: 7, leftCases: 0, rightCases: 0,
                counts: StatusCounts(), records: [],
                sections: ResourceComparison(
                    resource: .sections, left: 0, right: 1,
                    records: [
                        CaseRecord(
                            status: .added, key: "A > Gift cards", left: nil,
                            right: .init(id: 140, suite: "Ünïcode 😀", sectionPath: "A", title: "Gift cards"),
                            drift: true, resource: .sections)
                    ])),
        ]
        let fields = ResourceComparison(
            resource: .fields, left: 1, right: 1,
            records: [
                CaseRecord(
                    status: .changed, key: "custom_platforms",
                    left: .init(id: 17, suite: "", sectionPath: "", title: "custom_platforms"),
                    right: .init(id: 11, suite: "", sectionPath: "", title: "custom_platforms"),
                    changes: [FieldChange(field: "options", old: ["Web", "Smart TV"], new: ["Web"], kind: .changed)],
                    drift: false, resource: .fields)
            ])
        return ComparisonReport(
            left: .init(
                instance: "https://left.example/", projectID: 1, projectName: "Left", suiteMode: 3, cases: 2,
                snapshotTakenAt: Date(timeIntervalSince1970: 1_700_000_000)),
            right: .init(
                instance: "https://right.example/", projectID: 2, projectName: "Right", suiteMode: 1, cases: 2),
            options: ComparisonOptions(
                match: .field(.custom("custom_automation_id"), typed: "custom_automation_id"), crossSuite: true,
                suites: ["Suite/1", "Ünïcode 😀"],
                ignoreCase: true, compareAttachments: true,
                drift: DriftRule(parsing: "removed,added,moved,fields:removed"),
                resources: [.cases, .sections, .fields]),
            suites: suites, comparedFields: [.title, .section, .custom("custom_steps_separated")],
            oneSidedFields: [.init(field: "custom_only_left", side: "left")],
            duplicates: [
                DuplicateKey(suite: nil, key: "dup", left: 2, right: 1),
                DuplicateKey(suite: "Suite/1", key: "dup\n2", left: 1, right: 3),
            ], keylessLeft: 4, keylessRight: 5, notes: ["users: get_users refused; ids compared", "a \"note\""],
            resources: [fields])
    }

    /// A report of random records whose names, keys and values are random strings and JSON values.
    static func randomReport(_ random: inout RandomJSON) -> ComparisonReport {
        let statuses = CaseStatus.allCases
        func side(_ suite: String) -> CaseRecord.Side? {
            random.int(4) == 0
                ? nil
                : CaseRecord.Side(
                    id: random.int(1_000_000), suite: suite, sectionPath: random.string(), title: random.string())
        }
        let suites = (0..<random.int(4)).map { _ in
            let name = random.string(maximumPieces: 5)
            let records = (0..<random.int(6)).map { _ in
                let changes = (0..<random.int(4)).map { _ in
                    FieldChange(
                        field: random.key(),
                        location: random.int(2) == 0 ? .field : .step(index: random.int(9), key: random.key()),
                        old: random.value(depth: 3), new: random.value(depth: 3),
                        kind: statuses[random.int(statuses.count)],
                        origin: random.int(3) == 0 ? random.string() : nil)
                }
                return CaseRecord(
                    status: statuses[random.int(statuses.count)], key: random.string(), left: side(name),
                    right: side(name), changes: changes, duplicate: random.int(2) == 0, drift: random.int(2) == 0)
            }
            return SuiteComparison(
                name: name, leftSuiteID: random.int(3) == 0 ? nil : random.int(100),
                rightSuiteID: random.int(3) == 0 ? nil : random.int(100), leftCases: random.int(50),
                rightCases: random.int(50), counts: StatusCounts(changed: random.int(9), drift: random.int(9)),
                records: records,
                sections: random.int(2) == 0
                    ? nil
                    : ResourceComparison(
                        resource: .sections, left: random.int(9), right: random.int(9),
                        records: records.map {
                            var record = $0; record.resource = .sections; return record
                        }))
        }
        return ComparisonReport(
            left: .init(
                instance: random.string(), projectID: random.int(99), projectName: random.string(), suiteMode: 1,
                cases: random.int(99)),
            right: .init(
                instance: random.string(), projectID: random.int(99), projectName: random.string(), suiteMode: 3,
                cases: random.int(99), snapshotTakenAt: random.int(2) == 0 ? nil : Date(timeIntervalSince1970: 1e9)),
            options: ComparisonOptions(
                renameThreshold: Double(random.int(101)) / 100,
                resources: Set(ProjectResource.allCases.filter { _ in random.int(2) == 0 })),
            suites: suites, comparedFields: [.custom(random.key())],
            duplicates: [
                DuplicateKey(suite: random.int(2) == 0 ? nil : random.string(), key: random.string(), left: 2, right: 0)
            ],
            notes: [random.string()],
            resources: ProjectResource.projectWide.filter { _ in random.int(2) == 0 }.map { resource in
                ResourceComparison(
                    resource: resource, left: random.int(9), right: random.int(9),
                    records: (0..<random.int(3)).map { _ in
                        CaseRecord(
                            status: statuses[random.int(statuses.count)], key: random.string(), left: side(""),
                            right: side(""), drift: random.int(2) == 0, resource: resource)
                    })
            })
    }
}
