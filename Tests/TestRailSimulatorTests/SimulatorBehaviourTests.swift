import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The simulator's statuses, bodies and faults, over real HTTP on loopback.
@Suite struct SimulatorBehaviourTests {
    let dataset = SimulatorTestSupport.makeDataset(suiteSizes: [300, 5])

    @Test func aWrongKeyIs401WithTestRailsMessage() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator, key: "wrong")
            await #expect(
                throws: TestRailError.unauthorized(
                    "Authentication failed: invalid or missing user/password or session cookie.")
            ) { _ = try await client.projects() }
        }
    }

    @Test func aDisabledAPIIs403() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(apiEnabled: false)) {
            simulator in
            let error = try await #require(throws: TestRailError.self) {
                _ = try await SimulatorTestSupport.makeClient(simulator).projects()
            }
            #expect(error.httpStatus == 403)
            #expect(error.description.contains("The API is disabled"))
        }
    }

    @Test func maintenanceIs409AndEnds() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            await simulator.setMaintenance(true)
            let error = try await #require(throws: TestRailError.self) { _ = try await client.projects() }
            #expect(error.httpStatus == 409 && error.isRetryable)
            await simulator.setMaintenance(nil)
            #expect(try await client.projects().count == 1)
        }
    }

    @Test func theRateLimitAnswers429WithRetryAfterAndSpendsNoBudgetOnRejects() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(rateLimitPerMinute: 3)) {
            simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let start = ContinuousClock.now
            for _ in 0..<3 { _ = try await client.project(1) }
            for _ in 0..<2 {
                let error = try await #require(throws: TestRailError.self) { _ = try await client.project(1) }
                guard case .rateLimited(let message, let retryAfter) = error else {
                    Issue.record("expected 429, got \(error)")
                    return
                }
                #expect(message.hasPrefix("API Rate Limit Exceeded - 3 per minute maximum allowed. Retry after "))
                let seconds = try #require(retryAfter).components.seconds
                // The oldest request leaves the window 60 s after it was sent: at most 60 s from now, and no
                // less than 60 s minus the time since the first request (a loaded machine may take seconds).
                let elapsed = Int64((ContinuousClock.now - start).components.seconds)
                #expect((59 - elapsed...60).contains(seconds))
            }
            let statuses = await simulator.requestLog().map(\.status)
            #expect(statuses == [200, 200, 200, 429, 429])
        }
    }

    @Test func suiteModesDecideWhetherSuiteIDIsRequired() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            await #expect(throws: TestRailError.badRequest("Field :suite_id is a required field.")) {
                _ = try await client.cases(projectID: 1, suiteID: nil)
            }
            await #expect(throws: TestRailError.badRequest("Field :suite_id is not a valid test suite.")) {
                _ = try await client.cases(projectID: 1, suiteID: 99)
            }
            await #expect(throws: TestRailError.badRequest("Field :project_id is not a valid or accessible project.")) {
                _ = try await client.cases(projectID: 9, suiteID: 1)
            }
        }
        let single = SimulatorTestSupport.makeDataset(suiteSizes: [12], mode: 1)
        try await TestRailSimulator.withRunning(dataset: single) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            #expect(try await client.cases(projectID: 1, suiteID: nil).count == 12)
            #expect(try await client.suites(projectID: 1).count == 1)
        }
    }

    @Test func unknownMethodsAndPathsAre404() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            await #expect(throws: TestRailError.notFound("Unknown method 'get_nothing'")) {
                _ = try await client.data(for: TestRailEndpoint(method: "get_nothing"))
            }
            let wrongRoot = TestRailClient(
                baseURL: try TestRailBaseURL(simulator.baseURL.absoluteString + "sub/dir/"),
                credentials: Credentials(user: "demo@casediff.test", apiKey: "demo-api-key"),
                transport: URLSessionTransport())
            let error = try await #require(throws: TestRailError.self) { _ = try await wrongRoot.projects() }
            #expect(error.httpStatus == 404)
        }
    }

    @Test func anInstanceUnderASubPathAnswersOnlyThere() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(basePath: "testrail")) {
            simulator in
            #expect(simulator.baseURL.absoluteString.hasSuffix(":\(simulator.baseURL.port!)/testrail/"))
            let client = try SimulatorTestSupport.makeClient(simulator)
            #expect(try await client.projects().count == 1)
        }
    }

    @Test func singleObjectsAndMetadataEndpoints() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            #expect(try await client.project(1).name == "Sized")
            #expect(try await client.object(.getSuite(2), as: Suite.self).name == "S2")
            #expect(try await client.object(.getCase(3), as: TestCase.self).title == "Case 3")
            await #expect(throws: TestRailError.badRequest("Field :case_id is not a valid test case.")) {
                _ = try await client.object(.getCase(99_999), as: TestCase.self)
            }
            #expect(try await client.caseTypes().contains { $0.name == "Functional" })
            #expect(try await client.priorities().map(\.name) == ["1 - Low", "2 - Medium", "3 - High", "4 - Critical"])
            #expect(try await client.caseFields().isEmpty)
        }
    }

    @Test func aDroppedConnectionIsARetryableConnectionFailure() async throws {
        let faults = FaultPlan(scripted: [.init(method: "get_cases", fault: .dropConnection, times: 1)])
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(faults: faults)) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let error = try await #require(throws: TestRailError.self) {
                _ = try await client.cases(projectID: 1, suiteID: 1)
            }
            #expect(error.isRetryable, "got \(error)")
            // The fault hit that request's first occurrence only; asking again succeeds.
            let page: Page<TestCase> = try await client.page(.getCases(projectID: 1, suiteID: 1), itemsKey: "cases")
            #expect(page.items.count == 250)
        }
    }

    @Test func aTruncatedBodyIsReportedAsCutOff() async throws {
        let faults = FaultPlan(scripted: [.init(method: "get_cases", fault: .truncateBody, times: 1)])
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(faults: faults)) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            let error = try await #require(throws: TestRailError.self) {
                _ = try await client.cases(projectID: 1, suiteID: 1)
            }
            guard case .truncatedResponse = error else {
                Issue.record("expected a truncated response, got \(error)")
                return
            }
            #expect(await simulator.requestLog().last?.fault == "truncate")
        }
    }

    @Test func serverErrorsCarryTestRailsBody() async throws {
        let faults = FaultPlan(scripted: [.init(method: "get_projects", fault: .serverError(status: 503), times: 1)])
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(faults: faults)) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            await #expect(
                throws: TestRailError.serverError(
                    status: 503, message: "An internal error occurred. Please try again later.")
            ) { _ = try await client.projects() }
        }
    }

    @Test func theRequestLogRecordsWhatWasAsked() async throws {
        let configuration = SimulatorConfiguration(latency: .milliseconds(20), jitter: .milliseconds(5))
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            let client = try SimulatorTestSupport.makeClient(simulator)
            _ = try await client.cases(projectID: 1, suiteID: 1)
            let log = await simulator.requestLog()
            #expect(log.map(\.sequence) == [1, 2])
            #expect(
                log.map(\.path) == [
                    "/api/v2/get_cases/1&suite_id=1", "/api/v2/get_cases/1&suite_id=1&limit=250&offset=250",
                ])
            #expect(log.map(\.items) == [250, 50])
            #expect(log.allSatisfy { (15...25).contains($0.latencyMilliseconds) && $0.status == 200 && $0.bytes > 0 })
        }
    }

    @Test func theRawWireFormatIsTestRails() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            var request = URLRequest(
                url: URL(string: simulator.baseURL.absoluteString + "index.php?/api/v2/get_sections/1&suite_id=2")!)
            let token = Data("demo@casediff.test:demo-api-key".utf8).base64EncodedString()
            request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(object.keys) == ["offset", "limit", "size", "_links", "sections"])
            let links = try #require(object["_links"] as? [String: Any])
            #expect(links["next"] is NSNull && links["prev"] is NSNull)
        }
    }
}
