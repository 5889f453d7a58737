import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// `casediff compare` as a user runs it: the real binary against the simulator on loopback.
@Suite struct CompareCommandTests {
    static let key = "k3y-that-must-never-print"
    static let dataset = try! Dataset(contentsOf: CLIRunner.fixtures.appendingPathComponent("demo/instance.json"))
    static let configuration = SimulatorConfiguration(users: [.init(email: "qa@example.test", key: key)])

    func environment(_ simulator: RunningSimulator, key: String = key) -> [String: String] {
        ["TESTRAIL_URL": simulator.baseURL.absoluteString, "TESTRAIL_USER": "qa@example.test", "TESTRAIL_API_KEY": key]
    }

    /// Every error run prints exactly one line on stderr, nothing on stdout, and never the key.
    @Test func driftPrintsTheTableAndExitsOne() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let result = try await CLIRunner.run(["compare", "1", "2"], environment: environment(simulator))
            #expect(result.status == 1)
            #expect(
                result.stdout.contains(
                    "Total             294    297      6        3        6      1        1        283"))
            #expect(result.stdout.contains("r Sign-up :: Sign up with email  [C17 -> C312]"))
            #expect(!result.stdout.contains("\u{1B}["), "no ANSI escapes when stdout is not a terminal")
            #expect(result.stdout.contains("- Shipping :: Legacy fax confirmation  [C16]"))
            #expect(result.stderr.hasPrefix("casediff: fetched 591 cases in 10 suites; "))
            #expect(result.stderr.contains("rate limit server (no limit) (guessed from the URL; --rate sets it)"))
            #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
        }
    }

    @Test func jsonGoesToStdoutAndToTheOutputFile() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--format", "json", "--json", file.path, "--quiet"],
                environment: environment(simulator))
            #expect(result.status == 1)
            #expect(result.stderr.isEmpty)
            let written = try String(contentsOf: file, encoding: .utf8)
            #expect(written == result.stdout)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
            #expect(object["schema_version"] as? Int == 3)
            #expect((object["totals"] as? [String: Int])?["added"] == 6)
        }
    }

    @Test func noDriftExitsZero() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let result = try await CLIRunner.run(["compare", "Mobile App", "3"], environment: environment(simulator))
            #expect(result.status == 0)
            #expect(result.stdout.contains("No differences: every case and section matches."))
        }
    }

    @Test func wrongCredentialsAreOneLineAndExitTwo() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2"], environment: environment(simulator, key: "wrong"))
            expectOneErrorLine(result, containing: "TestRail rejected the credentials (HTTP 401)")
        }
    }

    @Test func anUnknownProjectIsOneLine() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let result = try await CLIRunner.run(["compare", "1", "404"], environment: environment(simulator))
            expectOneErrorLine(result, containing: "project P404 not found on")
        }
    }

    @Test func maintenanceIsOneLine() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            await simulator.setMaintenance(true)
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--retries", "1"], environment: environment(simulator))
            expectOneErrorLine(result, containing: "TestRail is in maintenance (HTTP 409)")
        }
    }

    @Test func aTruncatedResponseIsRetried() async throws {
        var configuration = Self.configuration
        configuration.faults = FaultPlan(scripted: [.init(method: "get_cases", fault: .truncateBody, times: 1)])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let result = try await CLIRunner.run(["compare", "1", "2"], environment: environment(simulator))
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(!result.stderr.contains(" 0 retries") && result.stderr.contains(" retries"))
        }
    }

    @Test func aResponseThatStaysTruncatedIsOneLine() async throws {
        var configuration = Self.configuration
        configuration.faults = FaultPlan(scripted: [
            .init(method: "get_cases", arguments: [2], parameters: ["offset": "250"], fault: .truncateBody, times: 50)
        ])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--retries", "2"], environment: environment(simulator))
            expectOneErrorLine(
                result, containing: "incomplete data: 1 page still failed after retries: ",
                "cases of S10 (P2) at offset 250")
            #expect(result.stderr.contains("TestRail's response was cut off"))
        }
    }

    @Test func aBadURLIsOneLine() async throws {
        let result = try await CLIRunner.run(
            ["compare", "1", "2", "--url", "testrail.example.com"],
            environment: ["TESTRAIL_USER": "u", "TESTRAIL_API_KEY": Self.key])
        expectOneErrorLine(result, containing: "invalid TestRail URL 'testrail.example.com'")
    }

    @Test func anUnreachableServerIsOneLine() async throws {
        let result = try await CLIRunner.run(
            ["compare", "1", "2", "--url", "http://127.0.0.1:9/"],
            environment: ["TESTRAIL_USER": "u", "TESTRAIL_API_KEY": Self.key])
        expectOneErrorLine(result, containing: "cannot reach TestRail")
    }

    @Test func missingSettingsAreOneLine() async throws {
        let result = try await CLIRunner.run(["compare", "1", "2"], environment: [:])
        expectOneErrorLine(result, containing: "no TestRail URL: pass --url, set TESTRAIL_URL or add a profile")
        let noKey = try await CLIRunner.run(
            ["compare", "1", "2", "--url", "https://x.testrail.io", "--user", "u"], environment: [:])
        expectOneErrorLine(noKey, containing: "no API key: set TESTRAIL_API_KEY")
    }

    /// A usage error is exit 64 and its first line is the error line every other error has; the usage follows.
    @Test func usageErrorsExitSixtyFourOnTheErrorLine() async throws {
        for arguments in [["compare", "1"], ["compare", "1", "2", "--bogus"], ["nope"], ["snapshot", "1"]] {
            let result = try await CLIRunner.run(arguments, environment: [:])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("casediff: error: ") == true, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
            #expect(lines.contains { $0.hasPrefix("Usage: casediff") }, "\(arguments): \(result.stderr)")
        }
        let missing = try await CLIRunner.run(["compare", "1"], environment: [:])
        #expect(missing.stderr.hasPrefix("casediff: error: Missing expected argument '<right>'\n"))
    }

    /// Ctrl-C (or a CI runner's SIGTERM) ends the run with one line and 128 + the signal, as a shell expects.
    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143)] as [(Int32, Int32)])
    func aSignalEndsTheRunWithOneLine(signal: Int32, status: Int32) async throws {
        var configuration = Self.configuration
        configuration.latency = .milliseconds(200)
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            // The signal once the run is under way (a few answers in), however slowly a loaded machine starts it.
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--concurrency", "1"], environment: environment(simulator), signal: signal
            ) { await simulator.requestLog().count >= 3 }
            expectOneErrorLine(result, status: status, containing: "interrupted; fetched ")
        }
    }

    /// Projects whose names look like paths or hold a colon are still projects; a path that starts like one is
    /// always a snapshot; a missing file that could be either says both.
    @Test func sidesAreSnapshotsProjectsOrProfilesByOneRule() async throws {
        var dataset = Self.dataset
        for (id, name) in [(90, "Team/Web.json"), (91, "Release: 2.0"), (92, "7")] {
            dataset.projects.append(["id": .int(Int64(id)), "name": .string(name), "suite_mode": 1])
            dataset.suites.append(["id": .int(Int64(id)), "name": "Master", "project_id": .int(Int64(id))])
            dataset.sections.append(["id": .int(Int64(id)), "suite_id": .int(Int64(id)), "name": "Root"])
            dataset.cases.append([
                "id": .int(Int64(id * 10)), "title": "A case", "suite_id": .int(Int64(id)),
                "section_id": .int(Int64(id)),
            ])
        }
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: Self.configuration) { simulator in
            let env = environment(simulator)
            let named = try await CLIRunner.run(["compare", "Team/Web.json", "P90", "--no-store"], environment: env)
            #expect(named.status == 0, "\(named.stderr)")
            let colon = try await CLIRunner.run(["compare", ":Release: 2.0", "91", "--no-store"], environment: env)
            #expect(colon.status == 0, "\(colon.stderr)")
            let numeric = try await CLIRunner.run(["compare", ":7", "P92", "--no-store"], environment: env)
            #expect(numeric.status == 0, "a project named 7, not P7: \(numeric.stderr)")
            let empty = try await CLIRunner.run(["compare", ":", "1", "--no-store"], environment: env)
            #expect(empty.status == 64 && empty.stderr.contains("names no project"))
            let path = try await CLIRunner.run(["compare", "./missing.json", "1", "--no-store"], environment: env)
            expectOneErrorLine(path, containing: "snapshot ./missing.json: cannot read it (no such file)")
            let either = try await CLIRunner.run(["compare", "base/shop.json", "1", "--no-store"], environment: env)
            expectOneErrorLine(
                either,
                containing: "snapshot base/shop.json: no such file, and no project of that name on \(simulator.baseURL)"
            )
            let profile = try await CLIRunner.run(["compare", "Release:2", "1", "--no-store"], environment: env)
            expectOneErrorLine(profile, containing: "unknown profile 'Release'")
            #expect(profile.stderr.contains("leading ':'"))
        }
    }
}
