import Foundation
import TestRailAPI
import TestRailSimulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

    static func makeClient(
        _ simulator: RunningSimulator, user: String = SimulatorConfiguration.demoUser.email,
        key: String = SimulatorConfiguration.demoUser.key
    ) throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL(simulator.baseURL.absoluteString),
            credentials: Credentials(user: user, apiKey: key),
            transport: URLSessionTransport(), timeout: .seconds(10))
    }

    /// One GET of `apiPath` (`/api/v2/get_cases/1`) over real HTTP with extra `headers`: the status and raw body.
    static func get(
        _ simulator: RunningSimulator, _ apiPath: String, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: simulator.baseURL.absoluteString + "index.php?" + apiPath)!)
        let user = SimulatorConfiguration.demoUser
        let token = Data("\(user.email):\(user.key)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The parsed JSON body of a successful call.
    static func json(_ client: TestRailClient, _ apiPath: String) async throws -> Any {
        try JSONSerialization.jsonObject(with: try await client.data(for: TestRailEndpoint(apiPath: apiPath)))
    }

    /// The `id`s of a JSON list of objects, in order.
    static func ids(_ list: Any?) -> [Int] {
        (list as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }
}
