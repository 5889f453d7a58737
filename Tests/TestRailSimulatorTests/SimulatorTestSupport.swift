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

    /// A non-administrator who may log in alongside the demo user (an administrator).
    static let member = SimulatorConfiguration.User(email: "ann@example.test", key: "ann-key", isAdmin: false)

    /// Two projects (1 Web, 2 Mobile, one suite each) with templates, users, milestones, shared steps and labels;
    /// `extraUsers` more active users with no project scope, ids from 101.
    static func makeResourceDataset(extraUsers: Int = 0) -> Dataset {
        var dataset = Dataset()
        dataset.projects = [
            ["id": 1, "name": "Web", "suite_mode": 1], ["id": 2, "name": "Mobile", "suite_mode": 1],
        ]
        dataset.suites = [["id": 1, "name": "Master", "project_id": 1], ["id": 2, "name": "Master", "project_id": 2]]
        dataset.templates = [
            ["id": 1, "name": "Test Case (Text)", "is_default": true],
            ["id": 2, "name": "Test Case (Steps)", "is_default": false],
            ["id": 7, "name": "Web Checklist", "is_default": false, "project_ids": .array([1])],
        ]
        dataset.users = [
            makeUser(1, "Demo", SimulatorConfiguration.demoUser.email),
            makeUser(2, "Ann", "ann@example.test", projects: [1]),
            makeUser(3, "Bob", "bob@example.test", projects: [2]),
            makeUser(4, "Old", "old@example.test", active: false, projects: [1]),
        ]
        dataset.users += (0..<extraUsers).map { makeUser(Int64(101 + $0), "User \($0)", "user\($0)@example.test") }
        dataset.milestones = [
            ["id": 10, "name": "R1", "project_id": 1, "parent_id": nil, "is_completed": false, "is_started": true],
            ["id": 11, "name": "R1.1", "project_id": 1, "parent_id": 10, "is_completed": false, "is_started": false],
            ["id": 12, "name": "R0", "project_id": 1, "parent_id": nil, "is_completed": true, "is_started": true],
            ["id": 20, "name": "M1", "project_id": 2, "parent_id": nil, "is_completed": false, "is_started": false],
        ]
        dataset.sharedSteps = [
            [
                "id": 5, "title": "Log in", "project_id": 1, "case_ids": .array([1]),
                "custom_steps_separated": .array([
                    .object(["content": "Open the login page", "expected": "The form shows", "additional_info": nil]),
                    .object(["content": "Enter valid credentials", "expected": "The dashboard shows", "refs": "TR-1"]),
                ]),
                "created_by": 1, "created_on": 1_612_555_977, "updated_by": 1, "updated_on": 1_612_555_977,
            ],
            [
                "id": 6, "title": "Open the app", "project_id": 2, "case_ids": .array([]),
                "custom_steps_separated": .array([]),
            ],
        ]
        dataset.labels = [
            ["id": 1, "title": "smoke", "project_id": 1, "created_by": "1", "created_on": "1700000000"],
            ["id": 2, "title": "everywhere", "created_by": "1", "created_on": "1700000000"],
            ["id": 3, "title": "tablet", "project_id": 2, "created_by": "1", "created_on": "1700000000"],
        ]
        return dataset
    }

    static func makeUser(
        _ id: Int64, _ name: String, _ email: String, active: Bool = true, projects: [Int64]? = nil
    ) -> [String: JSONValue] {
        var user: [String: JSONValue] = [
            "id": .int(id), "name": .string(name), "email": .string(email), "is_active": .bool(active),
            "role_id": 3, "role": "Tester",
        ]
        if let projects { user["project_ids"] = .array(projects.map(JSONValue.int)) }
        return user
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
