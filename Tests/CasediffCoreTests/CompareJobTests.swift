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

    func makeJob(_ simulator: RunningSimulator, _ left: String, _ right: String) throws -> CompareJob {
        let client = TestRailClient(
            baseURL: try TestRailBaseURL(simulator.baseURL.absoluteString),
            credentials: Credentials(
                user: SimulatorConfiguration.demoUser.email, apiKey: SimulatorConfiguration.demoUser.key),
            transport: URLSessionTransport())
        return CompareJob(client: client, left: ProjectReference(left), right: ProjectReference(right))
    }

    /// Replaces the simulator's random port so golden files are stable.
    func normalized(_ text: String, _ simulator: RunningSimulator) -> String {
        text.replacingOccurrences(of: simulator.baseURL.absoluteString, with: "http://simulator/")
    }

    @Test func findsTheDocumentedDriftInTheStorefrontPair() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let result = try await makeJob(simulator, "1", "Storefront (migrated)").run()
            let report = result.report
            let bySuite = Dictionary(uniqueKeysWithValues: report.suites.map { ($0.name, $0.counts) })
            #expect(bySuite["Accessibility"] == StatusCounts(added: 2))
            #expect(bySuite["Accounts"] == StatusCounts(added: 1, changed: 2, unchanged: 7))
            #expect(bySuite["Checkout"] == StatusCounts(added: 2, removed: 1, changed: 4, unchanged: 11))
            #expect(bySuite["Legacy Reports"] == StatusCounts(removed: 2))
            #expect(bySuite["Regression Pack"] == StatusCounts(added: 1, changed: 1, unchanged: 259))
            #expect(bySuite["Search"] == StatusCounts(unchanged: 6))
            #expect(report.totals == StatusCounts(added: 6, removed: 3, changed: 7, unchanged: 283))
            #expect(report.left.cases == 293 && report.right.cases == 296)

            // Every request was needed: no probe, no repeat, no error.
            #expect(result.statistics.requests == 24 && result.statistics.suites == 10)
            let log = await simulator.requestLog()
            #expect(log.count == 24 + 4)
            #expect(log.allSatisfy { $0.status == 200 })
            #expect(Set(log.map(\.path)).count == log.count)
        }
    }

    @Test func theJSONDiffMatchesItsGoldenFileByteForByte() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let first = try await makeJob(simulator, "1", "2").run()
            let second = try await makeJob(simulator, "P1", "P2").run()
            let json = try JSONRenderer().render(first.report)
            #expect(json == (try JSONRenderer().render(second.report)), "the same inputs give the same bytes")
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
            #expect(report.totals == StatusCounts(added: 1, removed: 1, changed: 1, unchanged: 11))
            let keys = report.suites[0].records.map { "\($0.status.rawValue) \($0.key)" }
            #expect(keys == ["removed Launch offline", "changed Track a parcel", "added Export diagnostics"])
        }
    }

    @Test func aProjectAgainstItselfHasNoDrift() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset) { simulator in
            let report = try await makeJob(simulator, "1", "1").run().report
            #expect(!report.hasDrift && report.totals.unchanged == 293)
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

    @Test func aFailedPageFailsTheRunAndSaysWhere() async throws {
        let faults = FaultPlan(scripted: [
            .init(method: "get_cases", parameters: ["offset": "250"], fault: .serverError(status: 500), times: 1)
        ])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: .init(faults: faults)) {
            simulator in
            let error = try await #require(throws: CasediffError.self) {
                _ = try await makeJob(simulator, "1", "2").run()
            }
            #expect(
                error.description.hasPrefix("fetching cases of suite 'Regression Pack' (S5) of P1: TestRail failed"))
        }
    }

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
