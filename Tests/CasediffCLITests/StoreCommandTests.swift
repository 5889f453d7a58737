import CasediffCore
import CasediffStore
import Foundation
import GRDB
import TestRailAPI
import TestRailSimulator
import Testing

/// The store as a user meets it: resume after `kill -9`, offline runs, snapshots, with the real binary.
@Suite struct StoreCommandTests {
    static let dataset = CompareCommandTests.dataset
    static let configuration = CompareCommandTests.configuration

    /// A fresh folder for one test's store and files.
    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func environment(_ simulator: RunningSimulator, _ folder: URL) -> [String: String] {
        CompareCommandTests().environment(simulator).merging(["XDG_CACHE_HOME": folder.path]) { _, new in new }
    }

    func storePath(_ folder: URL) -> String { folder.appendingPathComponent("casediff/store.sqlite").path }

    /// The store key of a request the simulator logged.
    static func key(of entry: RequestLogEntry, instance: String) throws -> PageKey {
        let call = try TestRailEndpoint(apiPath: entry.path)
        let project = call.arguments.first ?? 0
        let suite = call.parameter("suite_id").flatMap { Int($0) } ?? 0
        let offset = call.parameter("offset").flatMap { Int($0) } ?? 0
        let resource: PageKey.Resource
        switch call.method {
        case "get_project": resource = .project
        case "get_projects": resource = .projects
        case "get_case_types": resource = .caseTypes
        case "get_priorities": resource = .priorities
        case "get_suites": resource = .suites
        case "get_sections": resource = .sections
        default: resource = .cases
        }
        return PageKey(instance: instance, resource: resource, projectID: project, suiteID: suite, offset: offset)
    }

    @Test func aRunKilledMidFetchThenAServerEditResumesToTheFreshDiff() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = Self.configuration
        configuration.latency = .milliseconds(80)
        var edited = Self.dataset
        edited.cases.remove(at: edited.cases.count / 2)
        let afterDeletion = edited
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: configuration) { simulator in
            let environment = environment(simulator, folder)
            let arguments = ["compare", "1", "2", "--format", "json", "--reproducible", "--concurrency", "2"]
            let before = await simulator.requestLog().count

            // kill -9 once a dozen answers have gone out: some pages are stored, others are on their way.
            let killed = try await CLIRunner.run(arguments, environment: environment, signal: SIGKILL) {
                await simulator.requestLog().count >= before + 12
            }
            #expect(killed.status == SIGKILL)

            // The store is consistent: it opens, and every page it holds reads back whole.
            let database = try CasediffDatabase(path: storePath(folder))
            let instance = try TestRailBaseURL(simulator.baseURL.absoluteString).description
            let held = try await database.pageKeys(instance: instance)
            for page in held {
                #expect(try await database.page(page.key) != nil, "\(page.key) does not read back")
            }
            try database.close()
            #expect(held.count >= 6, "held \(held.count) pages")

            // A case is deleted on the server; the resumed run must see the server as it is now.
            simulator.replaceDataset(afterDeletion)
            let resumed = try await CLIRunner.run(arguments, environment: environment)
            let fresh = try await CLIRunner.run(arguments + ["--no-store"], environment: environment)
            #expect(fresh.status == 1)
            #expect(resumed.status == fresh.status)
            #expect(resumed.stdout == fresh.stdout)
            #expect(!resumed.stderr.contains("(-"), "\(resumed.stderr)")
        }
    }

    /// One flipped bit in a stored page: refetched with a warning naming it; offline, named in the error (exit 2).
    @Test func aDamagedPageIsFetchedAgainOrNamedOffline() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            let environment = environment(simulator, folder)
            let online = try await CLIRunner.run(["compare", "1", "2", "--quiet"], environment: environment)
            #expect(online.status == 1)
            let queue = try DatabaseQueue(path: storePath(folder))
            let damaged = try await queue.write { db -> String in
                let row = try #require(
                    try Row.fetchOne(
                        db,
                        sql: """
                            SELECT rowid, project_id, suite_id, payload FROM page
                            WHERE resource = 'cases' AND page_offset = 0 ORDER BY project_id, suite_id LIMIT 1
                            """))
                var blob: Data = row[3]
                blob[blob.count / 2] ^= 0x01
                try db.execute(sql: "UPDATE page SET payload = ? WHERE rowid = ?", arguments: [blob, row[0] as Int64])
                return "cases of S\(row[2] as Int) (P\(row[1] as Int)) at offset 0"
            }
            try queue.close()

            var offlineEnvironment = environment
            offlineEnvironment["TESTRAIL_API_KEY"] = nil
            let offline = try await CLIRunner.run(["compare", "1", "2", "--offline"], environment: offlineEnvironment)
            expectOneErrorLine(
                offline, containing: "the stored copy of \(damaged) failed the checksum (damaged)")

            let sent = await simulator.requestLog().count
            let reused = try await CLIRunner.run(["compare", "1", "2", "--max-age", "1h"], environment: environment)
            #expect(reused.status == 1)
            #expect(reused.stdout == online.stdout)
            #expect(reused.stderr.contains("the stored copy of \(damaged) failed the checksum; fetched again"))
            #expect(await simulator.requestLog().count == sent + 1)
            // Fetched again and saved whole: offline works once more.
            let healed = try await CLIRunner.run(["compare", "1", "2", "--offline"], environment: offlineEnvironment)
            #expect(healed.status == 1 && healed.stdout == online.stdout)
        }
    }

    /// Paths that are not a casediff store are refused in one line; one that cannot be created is a warning.
    @Test func storePathsThatCannotBeAStore() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.db").path
        let queue = try DatabaseQueue(path: other)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE accounts (name TEXT)") }
        try queue.close()
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            let environment = environment(simulator, folder)
            let unrelated = try await CLIRunner.run(["compare", "1", "2", "--store", other], environment: environment)
            expectOneErrorLine(
                unrelated, containing: "store \(other): not a casediff store (an SQLite database with other tables")
            let device = try await CLIRunner.run(
                ["compare", "1", "2", "--store", "/dev/null"], environment: environment)
            expectOneErrorLine(device, containing: "store /dev/null: is a character device")
            #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
            let empty = try await CLIRunner.run(["compare", "1", "2", "--store", ""], environment: environment)
            #expect(empty.status == 64 && empty.stderr.contains("--store needs a file path; '' is empty"))

            let uncreatable = try await CLIRunner.run(
                ["compare", "1", "2", "--store", "/proc/casediff/x"], environment: environment)
            #expect(uncreatable.status == 1)
            #expect(
                uncreatable.stderr.contains(
                    "store /proc/casediff/x: cannot create the folder /proc/casediff: no such file"))
            #expect(!uncreatable.stderr.contains("NSCocoaErrorDomain") && !uncreatable.stderr.contains("UserInfo"))
            let offline = try await CLIRunner.run(
                ["compare", "1", "2", "--store", "/proc/casediff/x", "--offline"], environment: environment)
            expectOneErrorLine(offline, containing: "store /proc/casediff/x: does not exist")
        }
    }

    @Test func offlineComparesFromTheStoreAndSendsNothing() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            let environment = environment(simulator, folder)
            let online = try await CLIRunner.run(["compare", "1", "2", "--quiet"], environment: environment)
            #expect(online.status == 1)
            let sent = await simulator.requestLog().count

            var offlineEnvironment = environment
            offlineEnvironment["TESTRAIL_API_KEY"] = nil
            let offline = try await CLIRunner.run(["compare", "1", "2", "--offline"], environment: offlineEnvironment)
            #expect(offline.status == 1)
            #expect(offline.stdout == online.stdout)
            #expect(offline.stderr.contains("0 requests"))
            #expect(await simulator.requestLog().count == sent)

            // What the store lacks is named, on one line.
            let missing = try await CLIRunner.run(["compare", "3", "4", "--offline"], environment: offlineEnvironment)
            expectOneErrorLine(
                missing, containing: "offline: the store holds no copy of project P3")
            #expect(await simulator.requestLog().count == sent)
        }
    }

    @Test func maxAgeReusesFreshPagesAndNoStoreRemembersNothing() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            let environment = environment(simulator, folder)
            let first = try await CLIRunner.run(["compare", "1", "2", "--no-store"], environment: environment)
            #expect(first.status == 1)
            #expect(!FileManager.default.fileExists(atPath: storePath(folder)))
            let second = try await CLIRunner.run(["compare", "1", "2"], environment: environment)
            let sent = await simulator.requestLog().count
            let third = try await CLIRunner.run(["compare", "1", "2", "--max-age", "10m"], environment: environment)
            #expect(second.stdout == first.stdout && third.stdout == first.stdout)
            #expect(await simulator.requestLog().count == sent)
            // Default: a completed run's pages are not reused.
            _ = try await CLIRunner.run(["compare", "1", "2"], environment: environment)
            #expect(await simulator.requestLog().count > sent)
            let attributes = try FileManager.default.attributesOfItem(atPath: storePath(folder))
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func aSnapshotStandsInForTheLiveProject() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            var environment = environment(simulator, folder)
            environment["SOURCE_DATE_EPOCH"] = "1795000000"
            let file = folder.appendingPathComponent("baseline.json").path
            let snapshot = try await CLIRunner.run(["snapshot", "1", "--output", file], environment: environment)
            #expect(snapshot.status == 0, "\(snapshot.stderr)")
            #expect(snapshot.stdout.isEmpty)
            let again = try await CLIRunner.run(
                ["snapshot", "1", "--output", "-", "--quiet"], environment: environment)
            #expect(again.stdout.data(using: .utf8) == FileManager.default.contents(atPath: file))

            let json = ["--format", "json", "--reproducible"]
            let live = try await CLIRunner.run(["compare", "1", "2"] + json, environment: environment)
            let fromFile = try await CLIRunner.run(["compare", file, "2"] + json, environment: environment)
            #expect(fromFile.status == 1)
            let stamp = "\"snapshot_taken_at\" : \"2026-11-18T11:06:40Z\","
            #expect(fromFile.stdout.contains(stamp))
            let withoutStamp = fromFile.stdout.split(separator: "\n").filter { !$0.contains("snapshot_taken_at") }
            #expect(withoutStamp == live.stdout.split(separator: "\n"))

            // Two snapshots need no server at all.
            let offlineEnvironment = ["XDG_CACHE_HOME": folder.path]
            let both = try await CLIRunner.run(["compare", file, file], environment: offlineEnvironment)
            #expect(both.status == 0)
            #expect(both.stderr.contains("compared two snapshots"))
        }
    }

    @Test func aBrokenSnapshotIsOneLine() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try Data("{\"format\": \"casediff-snapshot\", \"schema_version\": 1, \"casediff".utf8).write(to: file)
        let broken = try await CLIRunner.run(["compare", file.path, "1"], environment: [:])
        expectOneErrorLine(broken, containing: "snapshot \(file.path): not a casediff snapshot")
        let absent = try await CLIRunner.run(["compare", folder.path + "/absent.json", "1"], environment: [:])
        expectOneErrorLine(absent, containing: "cannot read it")
        try Data("{\"format\": \"casediff-snapshot\", \"schema_version\": 9, \"casediff_version\": \"9.0\"}".utf8)
            .write(to: file)
        let newer = try await CLIRunner.run(["compare", file.path, "1"], environment: [:])
        expectOneErrorLine(newer, containing: "this casediff reads up to 2")
    }

    @Test func aFileThatIsNotAStoreIsOneLine() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: file)
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) {
            simulator in
            let result = try await CLIRunner.run(
                ["compare", "1", "2", "--store", file.path], environment: environment(simulator, folder))
            expectOneErrorLine(result, containing: "not a casediff store")
        }
    }
}
