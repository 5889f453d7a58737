import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The whole compare, end to end, against the simulator serving Fixtures/demo/instance.json over loopback.
@Suite struct CompareJobTests {
    static let dataset: Dataset = {
        try! Dataset(contentsOf: Golden.fixtures.appendingPathComponent("demo/instance.json"))
    }()

    func makeJob(
        _ simulator: RunningSimulator, _ left: String, _ right: String,
        controller: FetchController.Configuration = .init()
    ) throws -> CompareJob {
        let client = try simulator.demoClient()
        return CompareJob(
            client: client, left: ProjectReference(left), right: ProjectReference(right),
            options: .init(controller: controller))
    }

    /// `--resources` without cases fetches no case: the suites come whole with their sections alone, and the
    /// sections compare as in a full run, streamed or not.
    @Test func withoutCasesNoCaseIsFetchedAndTheSectionsAreTheSame() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let client = try simulator.demoClient()
            func job(_ resources: Set<ProjectResource>) -> CompareJob {
                CompareJob(
                    client: client, left: ProjectReference("1"), right: ProjectReference("Storefront (migrated)"),
                    options: .init(
                        controller: .init(speculation: false), comparison: ComparisonOptions(resources: resources)))
            }
            let full = try await job([.cases, .sections]).run()
            let before = await simulator.requestLog().count
            let sectionsOnly = try await job([.sections]).run()
            let log = await simulator.requestLog().dropFirst(before)
            #expect(!log.contains { $0.method == "get_cases" } && log.contains { $0.method == "get_sections" })
            #expect(sectionsOnly.metrics?.cases == 0)
            #expect(sectionsOnly.report.suites.map(\.sections) == full.report.suites.map(\.sections))
            #expect(sectionsOnly.report.totals.total == 0 && sectionsOnly.report.left.cases == 0)
            #expect(
                sectionsOnly.report.driftCount == full.report.suites.reduce(0) { $0 + ($1.sections?.counts.drift ?? 0) }
            )

            let stream = try ReportStream(renderers: [JSONRenderer()])
            let streamed = try await job([.sections]).run(streaming: stream)
            #expect(streamed.report.resourceTotals == sectionsOnly.report.resourceTotals)
        }
    }

    /// Replaces the simulator's random port so golden files are stable.
    func normalized(_ text: String, _ simulator: RunningSimulator) -> String {
        text.replacingOccurrences(of: simulator.baseURL.absoluteString, with: "http://simulator/")
    }

    @Test func findsTheDocumentedDriftInTheStorefrontPair() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let result = try await makeJob(
                simulator, "1", "Storefront (migrated)", controller: .init(speculation: false)
            ).run()
            let report = result.report
            let bySuite = Dictionary(uniqueKeysWithValues: report.suites.map { ($0.name, $0.counts) })
            #expect(bySuite["Accessibility"] == StatusCounts(added: 2, drift: 2))
            #expect(bySuite["Accounts"] == StatusCounts(added: 1, changed: 2, renamed: 1, unchanged: 6, drift: 4))
            #expect(
                bySuite["Checkout"] == StatusCounts(added: 2, removed: 1, changed: 3, moved: 1, unchanged: 11, drift: 7)
            )
            #expect(bySuite["Legacy Reports"] == StatusCounts(removed: 2, drift: 2))
            #expect(bySuite["Regression Pack"] == StatusCounts(added: 1, changed: 1, unchanged: 259, drift: 2))
            // Markup-only and NFC/NFD differences are not drift.
            #expect(bySuite["Search"] == StatusCounts(unchanged: 7))
            #expect(report.totals == Self.storefrontTotals)
            #expect(report.left.cases == 294 && report.right.cases == 297)

            // Without speculation every request was needed: no probe, no repeat, no error. 24 list pages, the
            // project by id, the project list for the name, case types and priorities; and the definitions: the
            // case fields, and each project's templates, milestones and shared steps.
            let metrics = try #require(result.metrics)
            #expect(metrics.requests == 24 + 4 + 7 && metrics.suites == 10)
            #expect(metrics.cases == 591 && metrics.wastedPages == 0)
            let log = await simulator.requestLog()
            #expect(log.count == 24 + 4 + 7)
            #expect(log.allSatisfy { $0.status == 200 })
            #expect(Set(log.map(\.path)).count == log.count)
        }
    }

    static let storefrontTotals = StatusCounts(
        added: 6, removed: 3, changed: 6, moved: 1, renamed: 1, unchanged: 283, drift: 17)

    @Test func theJSONDiffMatchesItsGoldenFileByteForByte() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let first = try await makeJob(simulator, "1", "2").run()
            let second = try await makeJob(simulator, "P1", "P2").run()
            let context = RenderContext(toolVersion: "test")
            let json = try JSONRenderer().render(first.report, context: context)
            let again = try JSONRenderer().render(second.report, context: context)
            #expect(json == again, "the same inputs give the same bytes")
            let actual = normalized(String(decoding: json, as: UTF8.self), simulator)
            #expect(actual == (try Golden.expected("golden/storefront-diff.json", actual: actual)))
        }
    }

    @Test func theTableMatchesItsGoldenFile() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let report = try await makeJob(simulator, "1", "2").run().report
            let actual = normalized(TableRenderer().render(report), simulator)
            #expect(actual == (try Golden.expected("golden/storefront-table.txt", actual: actual)))
        }
    }

    @Test func comparesSingleSuiteProjects() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let report = try await makeJob(simulator, "Mobile App", "Mobile App (copy)").run().report
            #expect(report.suites.count == 1)
            #expect(report.totals == StatusCounts(added: 1, removed: 1, changed: 1, unchanged: 11, drift: 3))
            let keys = report.suites[0].differences.map { "\($0.status.rawValue) \($0.key)" }
            #expect(keys == ["removed Launch offline", "changed Track a parcel", "added Export diagnostics"])
        }
    }

    @Test func aProjectAgainstItselfHasNoDrift() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let report = try await makeJob(simulator, "1", "1").run().report
            #expect(!report.hasDrift && report.totals.unchanged == 294)
            let empty = try await makeJob(simulator, "5", "5").run().report
            #expect(empty.suites.map(\.name) == ["Nothing here yet"] && !empty.hasDrift)
        }
    }

    @Test func anUnknownProjectIsNamedInTheError() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let error = try await #require(throws: CasediffError.self) {
                _ = try await makeJob(simulator, "1", "77").run()
            }
            #expect(error.description == "project P77 not found on \(simulator.baseURL.absoluteString)")
            let byName = try await #require(throws: CasediffError.self) {
                _ = try await makeJob(simulator, "No Such Project", "1").run()
            }
            #expect(byName.description.contains("project 'No Such Project' not found"))
        }
    }

    @Test func aPageThatFailsOnceIsRetried() async throws {
        let faults = FaultPlan(scripted: [
            .init(
                method: "get_cases", arguments: [1], parameters: ["offset": "250"], fault: .serverError(status: 500),
                times: 1)
        ])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: .init(faults: faults)) {
            simulator in
            let result = try await makeJob(simulator, "1", "2", controller: Self.quickRetries).run()
            #expect(result.report.totals == Self.storefrontTotals)
            #expect(result.metrics?.retries == 1)
            let statuses = await simulator.requestLog().filter { $0.path.hasPrefix("/api/v2/get_cases/1&suite_id=5&") }
                .filter { $0.path.contains("offset=250") }.map(\.status)
            #expect(statuses == [500, 200])
        }
    }

    @Test func aPageThatKeepsFailingMakesTheRunIncompleteAndSaysWhere() async throws {
        let faults = FaultPlan(scripted: [
            .init(
                method: "get_cases", arguments: [1], parameters: ["offset": "250"], fault: .serverError(status: 503),
                times: 100)
        ])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: .init(faults: faults)) {
            simulator in
            let error = try await #require(throws: CasediffError.self) {
                _ = try await makeJob(simulator, "1", "2", controller: Self.quickRetries).run()
            }
            guard case .incomplete(let failures) = error else {
                Issue.record("expected incomplete, got \(error)")
                return
            }
            #expect(failures.count == 1)
            let failure = try #require(failures.first)
            #expect(failure.description.hasPrefix("cases of S5 (P1) at offset 250 ("))
            #expect(failure.error.httpStatus == 503)
            #expect(error.description.hasPrefix("incomplete data: 1 page still failed after retries: cases of S5 (P1)"))
            let attempts = await simulator.requestLog().filter { $0.path.hasPrefix("/api/v2/get_cases/1&suite_id=5&") }
                .filter { $0.path.contains("offset=250") }.count
            #expect(attempts == Self.quickRetries.retry.maxAttempts)
        }
    }

    /// Real servers' quirks: pagination only with `x-api-ident: beta` (6.7–7.2), bare `get_suites` arrays (before
    /// 9.3.1) or envelopes (since), a banner before the JSON, `limit=0` in next links, no pagination at all (before
    /// 6.7). Each gives the same comparison as TestRail today.
    static let dialects: [(String, SimulatorConfiguration)] = [
        ("beta header", .init(betaHeaderPagination: true)),
        ("paginated suites", .init(suitesPaginated: true)),
        ("authentication banner", .init(authenticationBanner: true)),
        ("zero limit in next links", .init(zeroLimitNextLinks: true)),
        ("legacy bare arrays", .init(legacyArrays: true)),
    ]

    @Test(arguments: dialects)
    func everyServerDialectGivesTheSameComparison(_ name: String, _ configuration: SimulatorConfiguration)
        async throws
    {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let result = try await makeJob(simulator, "1", "2").run()
            #expect(result.report.totals == Self.storefrontTotals, "\(name)")
            let log = await simulator.requestLog()
            #expect(log.allSatisfy { $0.status == 200 }, "\(name): \(log.filter { $0.status != 200 }.map(\.path))")
            if configuration.betaHeaderPagination {
                #expect(log.allSatisfy { $0.apiIdent == "beta" }, "the header goes with every request")
            }
        }
    }

    /// A project in suite mode 2 (one master suite plus baselines): every suite is fetched with its `suite_id` and
    /// compared by name, the baselines like any suite.
    @Test func baselineSuitesCompareAsSuites() async throws {
        func records(_ project: Int, _ suiteBase: Int, _ titles: [String: [String]]) -> Dataset {
            var dataset = Dataset(
                projects: [["id": .int(Int64(project)), "name": .string("Baselines \(project)"), "suite_mode": 2]])
            for (index, name) in titles.keys.sorted().enumerated() {
                let suite = suiteBase + index
                dataset.suites.append([
                    "id": .int(Int64(suite)), "name": .string(name), "project_id": .int(Int64(project)),
                    "is_master": .bool(name == "Master"), "is_baseline": .bool(name != "Master"),
                ])
                dataset.sections.append(["id": .int(Int64(suite)), "suite_id": .int(Int64(suite)), "name": "Root"])
                for (offset, title) in titles[name]!.enumerated() {
                    dataset.cases.append([
                        "id": .int(Int64(suite * 100 + offset)), "title": .string(title),
                        "suite_id": .int(Int64(suite)),
                        "section_id": .int(Int64(suite)), "priority_id": 2,
                    ])
                }
            }
            return dataset
        }
        let left = records(1, 10, ["Master": ["A", "B"], "Baseline 1.0": ["A"]])
        let right = records(2, 20, ["Master": ["A", "B", "C"], "Baseline 1.0": ["A"], "Baseline 2.0": ["A", "B"]])
        var both = left
        both.projects += right.projects
        both.suites += right.suites
        both.sections += right.sections
        both.cases += right.cases
        try await TestRailSimulator.withRunning(dataset: both) { simulator in
            let report = try await makeJob(simulator, "1", "2").run().report
            let counts = Dictionary(uniqueKeysWithValues: report.suites.map { ($0.name, $0.counts) })
            #expect(counts["Master"] == StatusCounts(added: 1, unchanged: 2, drift: 1))
            #expect(counts["Baseline 1.0"] == StatusCounts(unchanged: 1))
            #expect(counts["Baseline 2.0"] == StatusCounts(added: 2, drift: 2))
            let casePaths = await simulator.requestLog().filter { $0.method == "get_cases" }.map(\.path)
            #expect(casePaths.allSatisfy { $0.contains("suite_id=") }, "suite mode 2 needs the suite_id")
        }
    }

    static let quickRetries = FetchController.Configuration(
        speculation: false,
        retry: RetryPolicy(maxAttempts: 3, base: .milliseconds(5), cap: .milliseconds(20)))

    @Test func cancellationEndsTheRunAndReportsProgress() async throws {
        let slow = SimulatorConfiguration(latency: .milliseconds(150))
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: slow) { simulator in
            let job = try makeJob(simulator, "1", "2")
            let task = Task { try await job.run() }
            try await Task.sleep(for: .milliseconds(400))
            task.cancel()
            let error = try await #require(throws: CasediffError.self) { _ = try await task.value }
            guard case .interrupted(let progress) = error else {
                Issue.record("expected interrupted, got \(error)")
                return
            }
            #expect(progress.hasPrefix("fetched "))
        }
    }
}
