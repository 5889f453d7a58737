import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// The headline job: a project migrated from a TestRail Server instance to a Cloud instance (Fixtures/migration:
/// every id different, 13 changes planted) checked in one command across two simulators, and through a snapshot.
/// The oracle is `planted.json`, written by the fixture script, not by casediff.
@Suite struct MigrationTests {
    static let folder = CLIRunner.fixtures.appendingPathComponent("migration")
    static let server = try! Dataset(contentsOf: folder.appendingPathComponent("server.json"))
    static let cloud = try! Dataset(contentsOf: folder.appendingPathComponent("cloud.json"))
    static let serverKey = "server-k3y-never-printed"
    static let cloudKey = "cloud-k3y-never-printed"

    /// Each instance knows only its own user and key: a key sent to the other instance would be refused.
    static func configuration(key: String, email: String, admin: Bool = true) -> SimulatorConfiguration {
        SimulatorConfiguration(users: [.init(email: email, key: key, isAdmin: admin)])
    }

    /// Both instances up, and a private configuration file with a profile for each.
    func withMigration<Result: Sendable>(
        cloudAdmin: Bool = true,
        _ body:
            @Sendable (_ config: String, _ folder: URL, _ server: RunningSimulator, _ cloud: RunningSimulator)
            async throws -> Result
    ) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await TestRailSimulator.withRunning(
            dataset: Self.server, configuration: Self.configuration(key: Self.serverKey, email: "qa@server.test")
        ) { server in
            try await TestRailSimulator.withRunning(
                dataset: Self.cloud,
                configuration: Self.configuration(key: Self.cloudKey, email: "qa@cloud.test", admin: cloudAdmin)
            ) { cloud in
                let path = folder.appendingPathComponent("config.toml").path
                try """
                [profiles.server]
                url = "\(server.baseURL.absoluteString)"
                user = "qa@server.test"
                api_key = "\(Self.serverKey)"
                rate = "server"

                [profiles.cloud]
                url = "\(cloud.baseURL.absoluteString)"
                user = "qa@cloud.test"
                api_key = "\(Self.cloudKey)"
                rate = 600
                """.write(toFile: path, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
                return try await body(path, folder, server, cloud)
            }
        }
    }

    /// The drifted records of a JSON diff as planted.json writes them: suite, title, status and the fields changed.
    static func drifted(_ json: String) throws -> [PlantedRecord] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var records: [PlantedRecord] = []
        for suite in object["suites"] as? [[String: Any]] ?? [] {
            for record in suite["cases"] as? [[String: Any]] ?? [] where record["drift"] as? Bool == true {
                let side = (record["right"] as? [String: Any]) ?? (record["left"] as? [String: Any]) ?? [:]
                let fields = Set((record["changes"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
                records.append(
                    PlantedRecord(
                        suite: suite["name"] as? String ?? "", title: side["title"] as? String ?? "",
                        status: record["status"] as? String ?? "", fields: fields.sorted()))
            }
        }
        return records.sorted()
    }

    /// The drifted resource records of a JSON diff as planted.json writes them: resource, suite (sections only),
    /// name (a section's left path, its right one when added), status and the fields changed.
    static func driftedResources(_ json: String) throws -> [PlantedResource] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var groups = (object["resources"] as? [[String: Any]] ?? []).map { (suite: String?.none, group: $0) }
        for suite in object["suites"] as? [[String: Any]] ?? [] {
            if let sections = suite["sections"] as? [String: Any] {
                groups.append((suite["name"] as? String, sections))
            }
        }
        var records: [PlantedResource] = []
        for (suite, group) in groups {
            for record in group["records"] as? [[String: Any]] ?? [] where record["drift"] as? Bool == true {
                let side = (record["left"] as? [String: Any]) ?? (record["right"] as? [String: Any]) ?? [:]
                let parent = side["section"] as? String ?? ""
                let title = side["title"] as? String ?? ""
                let fields = Set((record["changes"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
                records.append(
                    PlantedResource(
                        resource: record["resource"] as? String ?? "", suite: suite,
                        name: parent.isEmpty ? title : parent + " > " + title,
                        status: record["status"] as? String ?? "",
                        fields: fields.sorted()))
            }
        }
        return records.sorted()
    }

    struct PlantedResource: Decodable, Comparable, CustomStringConvertible {
        var resource: String
        var suite: String?
        var name: String
        var status: String
        var fields: [String]
        /// Reported only when `--fields` names these.
        var onlyWithFields: [String]?

        enum CodingKeys: String, CodingKey {
            case resource, suite, name, status, fields
            case onlyWithFields = "only_with_fields"
        }

        static func < (a: PlantedResource, b: PlantedResource) -> Bool {
            (a.resource, a.suite ?? "", a.name) < (b.resource, b.suite ?? "", b.name)
        }
        static func == (a: PlantedResource, b: PlantedResource) -> Bool {
            (a.resource, a.suite, a.name, a.status, a.fields) == (b.resource, b.suite, b.name, b.status, b.fields)
        }
        var description: String { "\(resource) | \(suite ?? "-") | \(name) | \(status) \(fields)" }
    }

    /// The planted resource drift; with `fields`, the records reported only when `--fields` asks for them too.
    static func plantedResources(withFields fields: Bool = false) -> [PlantedResource] {
        struct File: Decodable { var resources: [PlantedResource] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("planted.json"))
        return try! JSONDecoder().decode(File.self, from: data).resources.filter { fields || $0.onlyWithFields == nil }
            .map {
                var record = $0
                record.fields.sort()
                return record
            }.sorted()
    }

    struct PlantedRecord: Decodable, Comparable, CustomStringConvertible {
        var suite: String
        var title: String
        var status: String
        var fields: [String]

        static func < (a: PlantedRecord, b: PlantedRecord) -> Bool { (a.suite, a.title) < (b.suite, b.title) }
        var description: String { "\(suite) | \(title) | \(status) \(fields)" }
    }

    static let planted: [PlantedRecord] = {
        struct File: Decodable { var records: [PlantedRecord] }
        let data = try! Data(contentsOf: folder.appendingPathComponent("planted.json"))
        return try! JSONDecoder().decode(File.self, from: data).records.map {
            PlantedRecord(suite: $0.suite, title: $0.title, status: $0.status, fields: $0.fields.sorted())
        }.sorted()
    }()

    /// Replaces the simulators' random ports so golden files are stable.
    static func normalized(_ text: String, _ server: RunningSimulator, _ cloud: RunningSimulator) -> String {
        text.replacingOccurrences(of: server.baseURL.absoluteString, with: "http://server.example/")
            .replacingOccurrences(of: cloud.baseURL.absoluteString, with: "https://cloud.example/")
    }

    func expectNoKey(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in [Self.serverKey, Self.cloudKey] {
            #expect(!result.stdout.contains(key) && !result.stderr.contains(key), sourceLocation: sourceLocation)
        }
    }

    @Test func oneCommandAcrossTwoInstancesReportsExactlyThePlantedDrift() async throws {
        try await withMigration { config, _, server, cloud in
            let json = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:Storefront", "--config", config, "--no-store", "--format", "json",
                    "--reproducible", "--resources", "all",
                ], environment: [:])
            #expect(json.status == 1, "\(json.stderr)")
            expectNoKey(json)
            let drifted = try Self.drifted(json.stdout)
            #expect(drifted == Self.planted, "nothing false, nothing missed")
            #expect(Self.planted.count == 13)
            #expect(try Self.driftedResources(json.stdout) == Self.plantedResources(), "every resource, exactly")
            #expect(Self.plantedResources().count == 13)
            // The summary names both instances.
            #expect(json.stderr.contains("left \(server.baseURL.absoluteString): fetched 90 cases"))
            #expect(json.stderr.contains("right \(cloud.baseURL.absoluteString): fetched 90 cases"))
            let actual = Self.normalized(json.stdout, server, cloud)
            #expect(actual == (try CLIRunner.golden("migration/expected.json", actual: actual)))

            let table = try await CLIRunner.run(
                ["compare", "server:12", "cloud:3", "--config", config, "--no-store", "--quiet", "--resources", "all"],
                environment: [:])
            #expect(table.status == 1)
            let text = Self.normalized(table.stdout, server, cloud)
            #expect(text == (try CLIRunner.golden("migration/expected.table.txt", actual: text)))
            // Labels and names, never a bare option id.
            #expect(text.contains(#"custom_automation_type: "Manual" -> "Automated""#))
            #expect(!text.contains("option #"))
        }
    }

    @Test func theSnapshotRouteGivesTheSameDiff() async throws {
        try await withMigration { config, folder, _, _ in
            let snapshot = folder.appendingPathComponent("server-12.json").path
            let taken = try await CLIRunner.run(
                ["snapshot", "server:12", "--config", config, "--no-store", "--output", snapshot], environment: [:])
            #expect(taken.status == 0, "\(taken.stderr)")
            expectNoKey(taken)
            let text = try String(contentsOfFile: snapshot, encoding: .utf8)
            #expect(text.contains(#""schema_version" : 2"#) && text.contains(#""case_fields""#))
            #expect(!text.contains("henrik"), "a snapshot keeps only the users its cases name")

            let live = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:3", "--config", config, "--no-store", "--format", "json",
                    "--reproducible", "--resources", "all",
                ], environment: [:])
            let offline = try await CLIRunner.run(
                [
                    "compare", snapshot, "cloud:3", "--config", config, "--no-store", "--format", "json",
                    "--reproducible", "--resources", "all",
                ], environment: [:])
            #expect(offline.status == 1, "\(offline.stderr)")
            func body(_ json: String) throws -> [String: NSObject] {
                var object = try #require(
                    try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: NSObject])
                object["metadata"] = nil
                return object
            }
            #expect(try body(offline.stdout) == body(live.stdout), "the same suites, records and totals")
            #expect(try Self.drifted(offline.stdout) == Self.planted)
            #expect(try Self.driftedResources(offline.stdout) == Self.plantedResources())
        }
    }

    /// The order among sibling sections is compared when `--fields` asks for it, and only then; `--resources`
    /// without cases leaves the cases out, and `--fail-on` counts what it names.
    @Test func siblingOrderWhenAskedAndDriftPerResource() async throws {
        try await withMigration { config, _, _, _ in
            let ordered = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:3", "--config", config, "--no-store", "--format", "json",
                    "--reproducible", "--resources", "sections", "--fields", "display_order",
                ], environment: [:])
            #expect(ordered.status == 1, "\(ordered.stderr)")
            let sections = Self.plantedResources(withFields: true).filter { $0.resource == "sections" }
            #expect(try Self.driftedResources(ordered.stdout) == sections)
            #expect(sections.count == 7)
            #expect(try Self.drifted(ordered.stdout).isEmpty, "cases are not compared")

            // Only removed fields and templates count: the fields' and templates' removals, nothing else.
            let gate = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:3", "--config", config, "--no-store", "--format", "json",
                    "--reproducible", "--resources", "all", "--fail-on", "fields:removed,templates",
                ], environment: [:])
            #expect(gate.status == 1, "\(gate.stderr)")
            #expect(
                try Self.driftedResources(gate.stdout)
                    == Self.plantedResources().filter {
                        $0.resource == "templates" || ($0.resource == "fields" && $0.status == "removed")
                    })
            #expect(try Self.drifted(gate.stdout).isEmpty)

            let none = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:3", "--config", config, "--no-store", "--resources", "all",
                    "--fail-on", "cases:added", "--quiet",
                ], environment: [:])
            #expect(none.status == 1, "one case was added")
            #expect(none.stdout.contains("fail-on: cases: added"), "\(none.stdout)")
        }
    }

    /// A non-administrator may not list every user; casediff lists the project's users instead, once refused.
    /// That list leaves inactive users out: the one case owned by an inactive user cannot be proven the same, so it
    /// is reported (never passed silently), and the note says why and what fixes it.
    @Test func aNonAdministratorComparesUsersByEmailAndSaysWhichItCouldNotName() async throws {
        try await withMigration(cloudAdmin: false) { config, _, _, cloud in
            let result = try await CLIRunner.run(
                [
                    "compare", "server:12", "cloud:3", "--config", config, "--no-store", "--format", "json",
                    "--reproducible",
                ], environment: [:])
            #expect(result.status == 1, "\(result.stderr)")
            let extra = PlantedRecord(
                suite: "Accounts", title: "Recovery codes can be downloaded once", status: "changed",
                fields: ["custom_owner"])
            #expect(try Self.drifted(result.stdout) == (Self.planted + [extra]).sorted())
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let notes = (object["metadata"] as? [String: Any])?["notes"] as? [String] ?? []
            #expect(notes.count == 1 && notes[0].contains("an administrator's API key lists every user"), "\(notes)")
            let users = await cloud.requestLog().filter { $0.method == "get_users" }
            #expect(users.map(\.status) == [403, 200])
            #expect(users.last?.path.hasPrefix("/api/v2/get_users/3") == true)
        }
    }

    /// The store keeps both instances' pages (labels and definitions included): `--offline` then gives the same
    /// diff with no request, even where the live run was refused a list (a non-administrator's `get_users`).
    @Test func offlineFromTheStoreGivesTheSameDiff() async throws {
        try await withMigration(cloudAdmin: false) { config, folder, server, cloud in
            let store = folder.appendingPathComponent("store.sqlite").path
            let arguments = [
                "compare", "server:12", "cloud:3", "--config", config, "--store", store, "--format", "json",
                "--reproducible", "--quiet",
            ]
            let live = try await CLIRunner.run(arguments, environment: [:])
            #expect(live.status == 1, "\(live.stderr)")
            let sent = await server.requestLog().count + cloud.requestLog().count
            let offline = try await CLIRunner.run(arguments + ["--offline"], environment: [:])
            #expect(offline.status == 1, "\(offline.stderr)")
            #expect(offline.stdout == live.stdout)
            #expect(await server.requestLog().count + cloud.requestLog().count == sent, "nothing sent offline")
        }
    }

    @Test func anUnknownProfileIsOneLine() async throws {
        try await withMigration { config, _, server, _ in
            let result = try await CLIRunner.run(
                ["compare", "server:12", "clod:3", "--config", config, "--no-store"], environment: [:])
            expectOneErrorLine(result, containing: "no profile 'clod' (profiles: cloud, server)")
            expectNoKey(result)
            #expect(await server.requestLog().isEmpty, "nothing is sent before the sides are known")
        }
    }
}
