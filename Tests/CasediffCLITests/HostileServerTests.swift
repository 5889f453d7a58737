import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// `casediff compare` against servers that attack it: credentials stay on their instance, no link leaves the listed
/// resource, nothing prints a credential, and every failure is one line in bounded time.
@Suite struct HostileServerTests {
    static let small = HostileDatasets.pair()

    func configuration(_ modes: HostileMode...) -> SimulatorConfiguration {
        var configuration = HostileDatasets.configuration
        configuration.hostility = modes
        return configuration
    }

    /// One `casediff: error:` line on stderr, nothing on stdout, exit 2, no credential in any form.
    func expectNoSecret(in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in HostileDatasets.secrets {
            #expect(!text.contains(secret), "leaked \(secret)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Security

    @Test(arguments: [301, 302, 307])
    func aRedirectToAnotherOriginIsRefusedAndGetsNoCredentials(status: Int) async throws {
        try await TestRailSimulator.withRunning(dataset: Self.small, configuration: HostileDatasets.configuration) {
            other in
            let mode = HostileMode(.redirect(origin: other.baseURL, status: status), methods: ["get_project"])
            try await TestRailSimulator.withRunning(dataset: Self.small, configuration: configuration(mode)) { sim in
                let result = try await CLIRunner.run(
                    ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
                expectOneErrorLine(
                    result, containing: "TestRail redirected to", "use that URL",
                    other.baseURL.host! + ":" + String(other.baseURL.port!))
                #expect(await sim.requestLog().contains { $0.fault == "redirect" })
            }
            let leaked = await other.requestLog().filter { $0.carriedAuthorization == true }
            #expect(leaked.isEmpty, "the other origin got credentials: \(leaked.map(\.path))")
        }
    }

    @Test func aNextLinkIntoAnotherProjectIsRefused() async throws {
        let dataset = HostileDatasets.pair(casesPerSuite: 300)
        let mode = HostileMode(.tamperNextLinks(.otherProject(projectID: 2, suiteID: 21)), methods: ["get_cases"])
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration(mode)) { sim in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
            expectOneErrorLine(result)
            #expect(await sim.requestLog().contains { $0.fault == "next_link" })
        }
    }

    @Test func aNextLinkToAnotherMethodIsRefusedAndNeverSent() async throws {
        let dataset = HostileDatasets.pair(casesPerSuite: 300)
        let mode = HostileMode(.tamperNextLinks(.otherCall("delete_case/10000")), methods: ["get_cases"])
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration(mode)) { sim in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
            expectOneErrorLine(result)
            let log = await sim.requestLog()
            #expect(log.contains { $0.fault == "next_link" })
            #expect(!log.contains { $0.path.contains("delete_") }, "\(log.map(\.path))")
            #expect(log.allSatisfy { $0.method.hasPrefix("get_") }, "\(log.map(\.method))")
        }
    }

    @Test func aNextLinkToAnotherHostIsRefusedAndGetsNoCredentials() async throws {
        let dataset = HostileDatasets.pair(casesPerSuite: 300)
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: HostileDatasets.configuration) {
            other in
            let mode = HostileMode(.tamperNextLinks(.otherHost(other.baseURL)), methods: ["get_cases"])
            try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration(mode)) { sim in
                let result = try await CLIRunner.run(
                    ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
                expectOneErrorLine(result)
            }
            #expect(await other.requestLog().isEmpty)
        }
    }

    @Test func echoedCredentialsAppearNowhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("casediff.log")
        let store = folder.appendingPathComponent("store.sqlite")
        let mode = HostileMode(.echoAuthorization(status: 400), methods: ["get_cases"])
        try await TestRailSimulator.withRunning(dataset: Self.small, configuration: configuration(mode)) { sim in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--verbose", "--log-file", log.path, "--store", store.path],
                environment: HostileDatasets.environment(sim))
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(await sim.requestLog().contains { $0.fault == "echo_auth" })
            expectNoSecret(in: result.stdout)
            expectNoSecret(in: result.stderr)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("casediff.log"))
        for name in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            for secret in HostileDatasets.secrets {
                #expect(bytes.firstRange(of: Data(secret.utf8)) == nil, "\(name) holds \(secret)")
            }
        }
    }

    @Test(arguments: ["http://qa:s3cretPW@ho st/", "ftp://qa:s3cretPW@example.test/", "qa:s3cretPW@example.test:8080"])
    func aPasswordInAnInvalidURLIsNotEchoed(url: String) async throws {
        let byFlag = try await CLIRunner.run(
            ["compare", "1", "2", "--no-store", "--timeout", "2", "--retries", "0", "--url", url],
            environment: ["TESTRAIL_USER": HostileDatasets.user, "TESTRAIL_API_KEY": HostileDatasets.key])
        let byEnvironment = try await CLIRunner.run(
            ["compare", "1", "2", "--no-store", "--timeout", "2", "--retries", "0"],
            environment: [
                "TESTRAIL_URL": url, "TESTRAIL_USER": HostileDatasets.user, "TESTRAIL_API_KEY": HostileDatasets.key,
            ])
        for result in [byFlag, byEnvironment] {
            #expect(result.status != 0 && result.status != 1, "stderr: \(result.stderr)")
            #expect(!result.stderr.isEmpty)
            #expect(!result.stderr.contains("s3cretPW") && !result.stdout.contains("s3cretPW"), "\(result.stderr)")
            expectNoSecret(in: result.stderr)
        }
    }

    // MARK: Bounds

    @Test(arguments: [
        HostileMode.Behaviour.trickle(contentLength: 2_000_000_000, bytesPerSecond: 1024),
        .oversizedBody(bytes: 80_000_000),
        .silence,
    ])
    func aBodyThatNeverEndsOrNeverFitsEndsTheRunInBoundedTime(behaviour: HostileMode.Behaviour) async throws {
        let mode = HostileMode(behaviour, methods: ["get_cases"])
        try await TestRailSimulator.withRunning(dataset: Self.small, configuration: configuration(mode)) { sim in
            let (result, elapsed) = try await HostileDatasets.timedRun(
                ["compare", "1", "2", "--no-store", "--timeout", "2", "--retries", "1"],
                environment: HostileDatasets.environment(sim), limit: .seconds(60))
            #expect(elapsed < .seconds(30), "took \(elapsed)")
            expectOneErrorLine(result)
        }
    }

    /// `--max-response-size` sets the cap: a 3 MB body passes the default 64 MB and is refused at 2 MB, named.
    @Test func theResponseCapIsConfigurable() async throws {
        let mode = HostileMode(.oversizedBody(bytes: 3_000_000), methods: ["get_cases"])
        try await TestRailSimulator.withRunning(dataset: Self.small, configuration: configuration(mode)) { sim in
            let capped = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store", "--max-response-size", "2"],
                environment: HostileDatasets.environment(sim))
            #expect(capped.status == 2)
            expectOneErrorLine(capped)
            #expect(capped.stderr.contains("is larger than 2 MB"), "\(capped.stderr)")
            let uncapped = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
            #expect(!uncapped.stderr.contains("is larger than"), "\(uncapped.stderr)")
        }
    }

    // MARK: Data

    static func hostile(_ kind: HostileData, caseID: Int = 3) -> Dataset {
        var dataset = small
        kind.apply(to: &dataset, caseID: caseID)
        return dataset
    }

    /// Case 3 on the left holds 1e+308 and 2^70; its match on the right (1003) holds small numbers there.
    static let numbers: Dataset = {
        var dataset = hostile(.numbers)
        if let index = dataset.cases.firstIndex(where: { $0["id"] == 1003 }) {
            dataset.cases[index]["custom_huge_int"] = 1
            dataset.cases[index]["custom_huge_float"] = .double(1.5)
        }
        return dataset
    }()

    @Test func numbersBeyondDoubleAndInt64StillCompare() async throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).db")
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: store.path + suffix)
            }
        }
        try await TestRailSimulator.withRunning(
            dataset: Self.numbers, configuration: HostileDatasets.configuration
        ) { sim in
            let fetched = try await CLIRunner.run(
                ["compare", "1", "2", "--store", store.path, "--format", "json", "--reproducible"],
                environment: HostileDatasets.environment(sim))
            #expect(fetched.status == 1, "stderr: \(fetched.stderr)")
            #expect(!fetched.stderr.contains("invalid JSON"), "\(fetched.stderr)")
            // The changed fields show the left side's numbers exactly, as text or decimals.
            #expect(fetched.stdout.contains("1180591620717411303424"), "\(fetched.stdout)")
            #expect(
                fetched.stdout.lowercased().contains("e+308")
                    || fetched.stdout.contains("1" + String(repeating: "0", count: 308)))
            // The stored pages read back as they came.
            let offline = try await CLIRunner.run(
                ["compare", "1", "2", "--store", store.path, "--offline", "--format", "json", "--reproducible"],
                environment: HostileDatasets.environment(sim))
            #expect(offline.status == 1, "stderr: \(offline.stderr)")
            #expect(offline.stdout == fetched.stdout)
        }
    }

    @Test func deepNestingIsNamedAsSuch() async throws {
        try await TestRailSimulator.withRunning(
            dataset: Self.hostile(.nesting), configuration: HostileDatasets.configuration
        ) { sim in
            let (result, _) = try await HostileDatasets.timedRun(
                ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim),
                limit: .seconds(60))
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("too deeply nested"), "\(result.stderr)")
            #expect(!result.stderr.contains("invalid JSON"), "\(result.stderr)")
        }
    }

    @Test func aTitleThatIsNotUTF8IsWarnedAboutNotFatal() async throws {
        try await TestRailSimulator.withRunning(
            dataset: Self.hostile(.invalidUTF8), configuration: HostileDatasets.configuration
        ) { sim in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--no-store"], environment: HostileDatasets.environment(sim))
            #expect(result.status == 1, "stderr: \(result.stderr)")
            let warnings = result.stderr.split(separator: "\n").filter { $0.contains("C3") }
            #expect(!warnings.isEmpty, "no warning names case C3: \(result.stderr)")
            #expect(result.stdout.contains("\u{FFFD}"), "the title reads with U+FFFD")
        }
    }
}
