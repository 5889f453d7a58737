import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// What `casediff check` concludes from one answer, and the real simulator's answers.
@Suite struct InstanceCheckTests {
    @Test func eachAnswerTellsWhatItCan() {
        let disabled = InstanceCheck.classify(.failure(.forbidden("The API is disabled for your installation.")))
        #expect(disabled.reachable == .yes && disabled.apiEnabled == .no)
        let denied = InstanceCheck.classify(.failure(.forbidden("no access")))
        #expect(denied.apiEnabled == .yes && denied.authenticated == .yes && denied.failure != nil)
        let rejected = InstanceCheck.classify(.failure(.unauthorized("Authentication failed")))
        #expect(rejected.authenticated == .no)
        let maintenance = InstanceCheck.classify(.failure(.maintenance("down", retryAfter: nil)))
        #expect(maintenance.reachable == .yes && maintenance.apiEnabled == .unknown)
        let limited = InstanceCheck.classify(.failure(.rateLimited("slow down", retryAfter: .seconds(5))))
        #expect(limited.apiEnabled == .yes && limited.authenticated == .unknown)
        for error in [TestRailError.unreachable("refused"), .tlsFailure("bad certificate"), .timedOut] {
            #expect(InstanceCheck.classify(.failure(error)).reachable == .no)
        }
        let html = InstanceCheck.classify(.success(Data("<html>login</html>".utf8)))
        #expect(html.reachable == .yes && html.apiEnabled == .no && html.failure != nil)
    }

    @Test func theSimulatorAnswersAsTestRailWould() async throws {
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let good = await InstanceCheck.run(client: try simulator.demoClient())
            #expect(
                good.failure == nil && good.authenticated == .yes
                    && good.projectsVisible?.count == CompareJobTests.dataset.projects.count)
            let demo = try simulator.demoClient()
            let wrong = TestRailClient(
                baseURL: demo.baseURL, credentials: Credentials(user: demo.credentials.user, apiKey: "wrong"),
                transport: URLSessionTransport())
            #expect(await InstanceCheck.run(client: wrong).authenticated == .no)
        }
        try await TestRailSimulator.withRunning(
            dataset: CompareJobTests.dataset, configuration: .init(apiEnabled: false)
        ) { simulator in
            let check = await InstanceCheck.run(client: try simulator.demoClient())
            #expect(check.apiEnabled == .no && check.reachable == .yes)
        }
    }
}
