import Foundation
import Logging
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The events a fetch emits, against the real simulator: every attempt named, progress that ends complete.
@Suite struct FetchObservingTests {
    actor Collector: FetchObserver {
        var events: [FetchEvent] = []
        func observe(_ event: FetchEvent) { events.append(event) }
        var records: [RequestRecord] {
            events.compactMap { if case .request(let record) = $0 { record } else { nil } }
        }
        var reports: [FetchProgressReport] {
            events.compactMap { if case .progress(let report) = $0 { report } else { nil } }
        }
    }

    /// A run that only logs builds no progress reports: only observers that use them ask for them.
    @Test func progressReportsGoOnlyToObserversThatWantThem() async throws {
        let log = RequestLog(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(!log.wantsProgress && Collector().wantsProgress)
        #expect(!FetchObservers([log]).wantsProgress && FetchObservers([log, Collector()]).wantsProgress)
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            struct Quiet: FetchObserver {
                let collector: Collector
                var wantsProgress: Bool { false }
                func observe(_ event: FetchEvent) async { await collector.observe(event) }
            }
            let collector = Collector()
            let clock = SystemEngineClock()
            _ = try await FetchController(
                client: try simulator.demoClient(), configuration: .init(),
                limiter: RateLimiter(.init(ceiling: nil), clock: clock), clock: clock,
                observer: Quiet(collector: collector)
            ).run(left: .id(1), right: .id(2))
            #expect(await collector.reports.isEmpty)
            #expect(await !collector.records.isEmpty)
        }
    }

    @Test func everyAttemptIsNamedAndTheLastReportIsComplete() async throws {
        let faults = FaultPlan(scripted: [
            .init(
                method: "get_cases", arguments: [1], parameters: ["suite_id": "5", "offset": "250"],
                fault: .serverError(status: 503), times: 1)
        ])
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset, configuration: .init(faults: faults))
        { simulator in
            let collector = Collector()
            let clock = SystemEngineClock()
            let output = try await FetchController(
                client: try simulator.demoClient(), configuration: .init(speculation: false),
                limiter: RateLimiter(.init(ceiling: nil), clock: clock), clock: clock, observer: collector,
                random: { 0 }
            ).run(left: .id(1), right: .id(2))

            let records = await collector.records
            #expect(records.count == output.metrics.requests)
            let ids = records.map(\.id.description)
            #expect(Set(ids).count == ids.count, "ids repeat")
            for id in ids {
                #expect(id.wholeMatch(of: /[a-z0-9\/-]+#[0-9]+/) != nil, "\(id)")
            }
            let failed = try #require(records.first { $0.id.description == "p1/s5/o250#1" })
            #expect(failed.status == 503 && failed.error != nil)
            if case .retry = failed.next {} else { Issue.record("expected a retry, got \(failed.next)") }
            let retried = try #require(records.first { $0.id.description == "p1/s5/o250#2" })
            #expect(retried.status == 200 && retried.next == .done && retried.bytes > 0)

            let last = try #require(await collector.reports.last)
            for (side, data) in [(Side.left, output.left), (.right, output.right)] {
                let progress = try #require(last.sides[side])
                #expect(progress.project == "P\(data.project.id) \(data.project.name)")
                #expect(progress.suitesTotal == data.suites.count && progress.suitesDone == data.suites.count)
                #expect(progress.cases == data.caseCount && progress.casesExpected == data.caseCount)
                #expect(progress.pages == progress.pagesPlanned && progress.isDone)
            }
        }
    }
}
