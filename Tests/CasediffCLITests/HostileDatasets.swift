import Foundation
import TestRailAPI
import TestRailSimulator

/// Small two-project instances for fault and hostile-server runs, and the environment a run against them needs.
enum HostileDatasets {
    static let user = "qa@example.test"
    static let key = "k3y-hostile-must-never-print"
    static let configuration = SimulatorConfiguration(users: [.init(email: user, key: key)])

    /// The credentials in every form a careless server or client might print them.
    static let secrets = [key, "\(user):\(key)", Data("\(user):\(key)".utf8).base64EncodedString()]

    static func environment(_ simulator: RunningSimulator) -> [String: String] {
        ["TESTRAIL_URL": simulator.baseURL.absoluteString, "TESTRAIL_USER": user, "TESTRAIL_API_KEY": key]
    }

    /// Projects 1 (Left) and 2 (Right) in multi-suite mode, each with suites "Main" (11, 21) of `casesPerSuite`
    /// cases in two sections and "Extra" (12, 22) of three. Right drifts: its first case has another priority, its
    /// last case is missing and it has one more case.
    static func pair(casesPerSuite: Int = 6) -> Dataset {
        var dataset = Dataset()
        dataset.projects = [
            ["id": 1, "name": "Left", "suite_mode": 3, "is_completed": false],
            ["id": 2, "name": "Right", "suite_mode": 3, "is_completed": false],
        ]
        for (project, offset) in [(Int64(1), Int64(0)), (2, 1000)] {
            let main = project * 10 + 1
            let extra = project * 10 + 2
            dataset.suites += [
                ["id": .int(main), "name": "Main", "project_id": .int(project)],
                ["id": .int(extra), "name": "Extra", "project_id": .int(project)],
            ]
            dataset.sections += [
                section(main * 10 + 1, suite: main, name: "Checkout", order: 1),
                section(main * 10 + 2, suite: main, name: "Search", order: 2),
                section(extra * 10 + 1, suite: extra, name: "Misc", order: 1),
            ]
            var count = casesPerSuite
            if project == 2 { count -= 1 }
            for index in 0..<Int64(count) {
                let sectionID = main * 10 + (index % 2 == 0 ? 1 : 2)
                dataset.cases.append(
                    testCase(
                        offset + index + 1, suite: main, section: sectionID, title: "Case \(index + 1)",
                        priority: project == 2 && index == 0 ? 4 : 2, order: index))
            }
            if project == 2 {
                dataset.cases.append(
                    testCase(offset + 999, suite: main, section: main * 10 + 1, title: "Only on the right", order: 999))
            }
            for index in 0..<Int64(3) {
                dataset.cases.append(
                    testCase(
                        offset + 500 + index, suite: extra, section: extra * 10 + 1, title: "Extra \(index + 1)",
                        order: index))
            }
        }
        return dataset
    }

    static func section(_ id: Int64, suite: Int64, name: String, order: Int64) -> [String: JSONValue] {
        [
            "id": .int(id), "suite_id": .int(suite), "name": .string(name), "parent_id": nil, "depth": 0,
            "display_order": .int(order), "description": nil,
        ]
    }

    static func testCase(
        _ id: Int64, suite: Int64, section: Int64, title: String, priority: Int64 = 2, order: Int64
    ) -> [String: JSONValue] {
        [
            "id": .int(id), "title": .string(title), "suite_id": .int(suite), "section_id": .int(section),
            "display_order": .int(order), "priority_id": .int(priority), "type_id": 6, "template_id": 1,
            "milestone_id": nil, "refs": nil, "estimate": nil, "created_by": 1, "created_on": 1_735_689_660,
            "updated_by": 1, "updated_on": 1_735_689_660, "custom_preconds": nil, "is_deleted": 0,
        ]
    }

    /// Runs `casediff arguments`, killing it if it is still running after `limit`, and says how long it took.
    static func timedRun(
        _ arguments: [String], environment: [String: String], limit: Duration = .seconds(90)
    ) async throws -> (result: CLIResult, elapsed: Duration) {
        let started = ContinuousClock.now
        let deadline = started + limit
        let result = try await CLIRunner.run(
            arguments, environment: environment, signalWhen: { ContinuousClock.now > deadline })
        return (result, ContinuousClock.now - started)
    }
}
