import Foundation
import TestRailAPI
import TestRailSimulator

/// Small factories for simulator tests: datasets of exact shape, and a client logged in as the demo user.
enum SimulatorTestSupport {
    /// One project (id 1) in `mode`, with one suite per entry of `suiteSizes` holding that many cases.
    static func makeDataset(suiteSizes: [Int], mode: Int = 3) -> Dataset {
        var dataset = Dataset()
        dataset.projects = [["id": 1, "name": "Sized", "suite_mode": .int(Int64(mode))]]
        var caseID = 0
        for (index, size) in suiteSizes.enumerated() {
            let suiteID = Int64(index + 1)
            dataset.suites.append(["id": .int(suiteID), "name": .string("S\(suiteID)"), "project_id": 1])
            dataset.sections.append(["id": .int(suiteID), "suite_id": .int(suiteID), "name": "Root", "parent_id": nil])
            for order in 0..<size {
                caseID += 1
                dataset.cases.append([
                    "id": .int(Int64(caseID)), "title": .string("Case \(caseID)"), "suite_id": .int(suiteID),
                    "section_id": .int(suiteID), "display_order": .int(Int64(order)),
                    "updated_on": .int(Int64(1_000 + caseID)), "created_on": 1_000,
                ])
            }
        }
        return dataset
    }

    static func makeClient(_ simulator: RunningSimulator, key: String = SimulatorConfiguration.demoUser.key)
        throws -> TestRailClient
    {
        TestRailClient(
            baseURL: try TestRailBaseURL(simulator.baseURL.absoluteString),
            credentials: Credentials(user: SimulatorConfiguration.demoUser.email, apiKey: key),
            transport: URLSessionTransport(), timeout: .seconds(10))
    }
}
