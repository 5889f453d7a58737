import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// The operator's view, with the real binary: request logs, progress off a terminal, configuration profiles,
/// discovery commands, completions.
@Suite struct OperationsCommandTests {
    static let dataset = CompareCommandTests.dataset
    static let configuration = CompareCommandTests.configuration
    static let key = CompareCommandTests.key

    func environment(_ simulator: RunningSimulator) -> [String: String] {
        CompareCommandTests().environment(simulator)
    }

    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theJSONLogNamesEveryRequestAndEndsWithTheSummary() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("run.log").path
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store", "--log-file", log, "--log-format", "json", "--verbose"],
                environment: environment(simulator))
            #expect(result.status == 1)
            let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            let objects = try lines.map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            let requests = objects.filter { $0["message"] as? String == "request" }
            let served = await simulator.requestLog().count
            #expect(requests.count == served)
            for request in requests {
                let id = try #require(request["request_id"] as? String)
                #expect(
                    id.wholeMatch(of: /(p[0-9]+|priorities|case-types|case-fields|users|projects)[a-z0-9\/-]*#[0-9]+/)
                        != nil, "\(id)")
                #expect(request["status"] as? Int == 200)
                #expect(request["latency_ms"] is Int && request["bytes"] is Int)
            }
            #expect(requests.contains { $0["request_id"] as? String == "p1/s1/o0#1" })
            let summary = try #require(objects.last)
            #expect(summary["message"] as? String == "run finished")
            #expect(summary["requests"] as? Int == requests.count && summary["cases"] as? Int == 591)
            // --verbose also logs each request on stderr, as text.
            #expect(result.stderr.contains("info request ") && result.stderr.contains("request_id=p1/s1/o0#1"))
            let all = try String(contentsOfFile: log, encoding: .utf8) + result.stderr + result.stdout
            #expect(!all.contains(Self.key))
        }
    }

    @Test func offATerminalThereIsNoLiveBlockButPlainProgressOnRequest() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let quiet = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store"], environment: environment(simulator))
            #expect(!quiet.stderr.contains("\u{1B}") && !quiet.stderr.contains("progress:"))
            let plain = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store", "--progress", "plain"], environment: environment(simulator))
            #expect(!plain.stderr.contains("\u{1B}"))
            let line = try #require(plain.stderr.split(separator: "\n").last { $0.contains("progress:") })
            #expect(line.contains("left P1 Storefront: 5/5 suites 294/294 cases"), "\(line)")
            #expect(line.hasSuffix("done"))
            let silent = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store", "--quiet"], environment: environment(simulator))
            #expect(silent.stderr.isEmpty && silent.status == 1)
        }
    }

    /// The configuration file supplies what flags and environment do not, and a key file others can read is
    /// refused with the fix in the message.
    @Test func aProfileConnectsAndAReadableKeyFileIsRefused() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let path = folder.appendingPathComponent("config.toml").path
            try """
            [profiles.sim]
            url = "\(simulator.baseURL.absoluteString)"
            user = "qa@example.test"
            api_key = "\(Self.key)"
            concurrency = 2
            """.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let check = try await CLIRunner.run(["check", "--config", path], environment: [:])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("credentials  accepted for qa@example.test (from profile 'sim' in \(path))"))
            #expect(check.stdout.contains("profile      'sim'") && !check.stdout.contains(Self.key))
            // The environment beats the file: a wrong key from the environment is used, and rejected.
            let overridden = try await CLIRunner.run(
                ["check", "--config", path], environment: ["TESTRAIL_API_KEY": "wrong-key"])
            #expect(overridden.status == 2 && overridden.stdout.contains("rejected"))
            #expect(overridden.stdout.contains("key from $TESTRAIL_API_KEY"))

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let refused = try await CLIRunner.run(["compare", "1", "2", "--config", path], environment: [:])
            expectOneErrorLine(refused, containing: "others can read it (mode 0644)")
            #expect(refused.stderr.contains("chmod 600 \(path)"))
        }
    }

    @Test func discoveryListsProjectsAndSuites() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            let projects = try await CLIRunner.run(["projects"], environment: environment(simulator))
            #expect(projects.status == 0)
            #expect(projects.stdout.hasPrefix("ID  NAME"))
            #expect(projects.stdout.contains("P1  Storefront "))
            let before = try await CLIRunner.run(
                ["suites", "1", "--store", store], environment: environment(simulator))
            #expect(before.status == 0 && before.stdout.contains("? = not known yet"))
            _ = try await CLIRunner.run(["compare", "1", "2", "--store", store], environment: environment(simulator))
            let after = try await CLIRunner.run(
                ["suites", "Storefront", "--store", store, "--format", "json"], environment: environment(simulator))
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
            let suites = try #require(object["suites"] as? [[String: Any]])
            #expect(suites.count == 5)
            #expect(suites.reduce(0) { $0 + ($1["cases"] as? Int ?? 0) } == 294)
            let unknown = try await CLIRunner.run(["suites", "99"], environment: environment(simulator))
            expectOneErrorLine(unknown, containing: "project P99 not found")
        }
    }

    /// The run: no `--rate`, a URL taken for Server (no limit), and a 429 whose message states the limit.
    /// The progress line counts the Retry-After down, the statistics say the stated limit and where it came from,
    /// and the next `check` reports it as learned.
    @Test func aLimitA429StatesIsUsedReportedAndRemembered() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        var configuration = Self.configuration
        configuration.rateLimitPerMinute = 6000
        configuration.faults = FaultPlan(scripted: [
            .init(method: "get_project", arguments: [1], fault: .rateLimit(retryAfterSeconds: 8))
        ])
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--store", store, "--progress", "plain"], environment: environment(simulator))
            #expect(result.status == 1)
            // The plain line every 5 s falls inside the 8 s hold.
            #expect(result.stderr.contains(" s (429 Retry-After), 1 × 429, "), "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "rate limit 6000/min (stated by this run's 429 answers; began at server (no limit), guessed from "
                        + "the URL)"), "\(result.stderr)")
            let check = try await CLIRunner.run(["check", "--store", store], environment: environment(simulator))
            #expect(check.status == 0)
            #expect(
                check.stdout.contains("rate limit   6000/min (learned from this instance's 429s on "), "\(check.stdout)"
            )
        }
    }

    @Test func checkReportsADisabledAPI() async throws {
        var configuration = Self.configuration
        configuration.apiEnabled = false
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let result = try await CLIRunner.run(["check"], environment: environment(simulator))
            #expect(result.status == 2)
            #expect(result.stdout.contains("api          disabled (The API is disabled"))
            #expect(result.stderr.hasPrefix("casediff: error: check failed: TestRail denied access (HTTP 403)"))
        }
    }

    @Test func versionHelpAndCompletions() async throws {
        let version = try await CLIRunner.run(["--version"], environment: [:])
        #expect(version.status == 0 && version.stdout.hasPrefix("0."))
        for command in ["compare", "snapshot", "projects", "suites", "check"] {
            let help = try await CLIRunner.run([command, "--help"], environment: [:])
            #expect(help.status == 0 && help.stdout.contains("Examples:"), "\(command)")
        }
        for shell in ["bash", "zsh", "fish"] {
            let script = try await CLIRunner.run(["--generate-completion-script", shell], environment: [:])
            #expect(script.status == 0 && script.stdout.contains("casediff") && script.stdout.contains("compare"))
        }
    }
}
