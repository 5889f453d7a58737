import CasediffCore
import CasediffStore
import Foundation
import TestRailAPI
import TestRailSimulator

/// W1: comparing two projects from a warm store, with no network (`casediff compare A B --offline`).
///
/// Target (issue 5): under 0.5 s for two 36 000-case projects. The store is filled by a real fetch from the
/// simulator; each timed run opens the store afresh (an empty in-memory cache) and runs the whole job: resolve
/// both projects, plan, read every page from SQLite, decode, assemble, compare. The floor, measured in the same
/// run, is reading every stored payload from SQLite plus a hash join of the titles.
enum StoreBench {
    struct Result {
        var seconds: Double
        var floorSeconds: Double
        var readSeconds: Double
        /// The comparison alone, on the data read.
        var compareSeconds: Double
        var storeMegabytes: Double
        var cases: Int
        var requestsWhileTimed: Int
        var totals: StatusCounts
    }

    static func run(casesPerProject: Int) async throws -> Result {
        let data = BenchDataset(spec: GeneratorSpec(seed: 11, suites: 31, cases: casesPerProject * 2))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        return try await TestRailSimulator.withRunning(dataset: data.dataset) { simulator in
            let client = try simulator.demoClient()
            let instance = client.baseURL.description
            let projects: [Side: ProjectReference] = [.left: .id(data.projectIDs[0]), .right: .id(data.projectIDs[1])]
            do {
                let database = try CasediffDatabase(path: path)
                defer { try? database.close() }
                _ = try await FetchSession(
                    client: client,
                    options: .init(
                        controller: .init(concurrency: 16),
                        store: StoreSettings(pages: database, history: database, location: path))
                ).run(projects: projects)
            }
            let sent = await simulator.requestLog().count
            let clock = ContinuousClock()
            var times: [Double] = []
            var reads: [Double] = []
            var floors: [Double] = []
            var compares: [Double] = []
            var bytes = 0
            var report: ComparisonReport?
            for _ in 0..<3 {
                let database = try CasediffDatabase(path: path)
                defer { try? database.close() }
                let store = StoreSettings(pages: database, history: database, location: path, offline: true)
                var result: CompareJob.Result?
                let elapsed = try await clock.measure {
                    result = try await CompareJob(
                        client: client, left: .live(projects[.left]!), right: .live(projects[.right]!),
                        options: .init(store: store)
                    ).run()
                }
                times.append(elapsed.inSeconds)
                let read = try await clock.measure { bytes = try await database.payloadBytes(instance: instance) }
                reads.append(read.inSeconds)
                floors.append(
                    read.inSeconds
                        + CompareBench.hashJoinSeconds(result!.left, result!.right, capacity: casesPerProject))
                report = result?.report
                let left = result!.left
                let right = result!.right
                compares.append(try clock.measure { _ = try ProjectComparator().compare(left, right) }.inSeconds)
            }
            let requests = await simulator.requestLog().count - sent
            return Result(
                seconds: times.sorted()[1], floorSeconds: floors.sorted()[1], readSeconds: reads.sorted()[1],
                compareSeconds: compares.sorted()[1],
                storeMegabytes: Double(bytes) / 1e6, cases: report!.left.cases + report!.right.cases,
                requestsWhileTimed: requests, totals: report!.totals)
        }
    }
}
