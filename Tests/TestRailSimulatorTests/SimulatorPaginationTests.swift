import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// Pagination edges over real HTTP: suites of 0, 1, 249, 250 and 251 cases.
@Suite struct SimulatorPaginationTests {
    static let sizes = [0, 1, 249, 250, 251]

    @Test func everySizeIsServedCompletelyWithTheRightLinks() async throws {
        try await TestRailSimulator.withRunning(dataset: SimulatorTestSupport.makeDataset(suiteSizes: Self.sizes)) {
            simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            for (index, size) in Self.sizes.enumerated() {
                let suiteID = index + 1
                let first: Page<TestCase> = try await client.page(
                    .getCases(projectID: 1, suiteID: suiteID), itemsKey: "cases")
                #expect(first.offset == 0 && first.limit == 250)
                #expect(first.size == min(size, 250))
                #expect(first.items.count == min(size, 250))
                if size > 250 {
                    #expect(first.next?.apiPath == "/api/v2/get_cases/1&suite_id=\(suiteID)&limit=250&offset=250")
                    let second: Page<TestCase> = try await client.page(first.next!, itemsKey: "cases")
                    #expect(second.size == size - 250 && second.isLast)
                    #expect(second.previous?.apiPath == "/api/v2/get_cases/1&suite_id=\(suiteID)&limit=250&offset=0")
                } else {
                    #expect(first.isLast, "a suite of \(size) fits one page")
                }
                let all: [TestCase] = try await client.all(.getCases(projectID: 1, suiteID: suiteID), itemsKey: "cases")
                #expect(all.count == size)
                #expect(Set(all.map(\.id)).count == size)
            }
            // Requests per suite: 1 page each, 2 for 251; then `all` repeats them.
            let log = await simulator.requestLog()
            #expect(log.filter { $0.method == "get_cases" }.count == 2 * (5 + 1))
        }
    }

    @Test func anOffsetPastTheEndIsAnEmptyLastPage() async throws {
        try await TestRailSimulator.withRunning(dataset: SimulatorTestSupport.makeDataset(suiteSizes: [10])) {
            simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let page: Page<TestCase> = try await client.page(
                .getCases(projectID: 1, suiteID: 1, offset: 500, limit: 250), itemsKey: "cases")
            #expect(page.items.isEmpty && page.size == 0 && page.offset == 500 && page.isLast)
        }
    }

    @Test func smallLimitsPageAndKeepFiltersInLinks() async throws {
        try await TestRailSimulator.withRunning(dataset: SimulatorTestSupport.makeDataset(suiteSizes: [7])) {
            simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let endpoint = TestRailEndpoint.getCases(projectID: 1, suiteID: 1, offset: 0, limit: 3)
                .setting("updated_after", to: "1002")
            let page: Page<TestCase> = try await client.page(endpoint, itemsKey: "cases")
            #expect(page.items.map(\.id) == [3, 4, 5])
            #expect(page.next?.apiPath == "/api/v2/get_cases/1&suite_id=1&updated_after=1002&limit=3&offset=3")
            let all: [TestCase] = try await client.all(endpoint, itemsKey: "cases")
            #expect(all.map(\.id) == [3, 4, 5, 6, 7])
        }
    }

    @Test(arguments: ["0", "251", "-1", "ten"])
    func limitsOutsideOneTo250AreRejected(limit: String) async throws {
        try await TestRailSimulator.withRunning(dataset: SimulatorTestSupport.makeDataset(suiteSizes: [3])) {
            simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let endpoint = TestRailEndpoint.getCases(projectID: 1, suiteID: 1).setting("limit", to: limit)
            await #expect(throws: TestRailError.badRequest("Field :limit is not a valid integer between 1 and 250.")) {
                let _: Page<TestCase> = try await client.page(endpoint, itemsKey: "cases")
            }
        }
    }

    @Test func legacyServersAnswerWithOneBareArray() async throws {
        let configuration = SimulatorConfiguration(legacyArrays: true)
        try await TestRailSimulator.withRunning(
            dataset: SimulatorTestSupport.makeDataset(suiteSizes: [260]), configuration: configuration
        ) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let page: Page<TestCase> = try await client.page(.getCases(projectID: 1, suiteID: 1), itemsKey: "cases")
            #expect(page.isLegacy && page.isLast && page.items.count == 260)
        }
    }
}
