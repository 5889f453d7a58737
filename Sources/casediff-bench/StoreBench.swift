import CasediffCore
import CasediffStore
import Foundation
import TestRailAPI
import TestRailSimulator

/// W1: comparing two projects from a warm store, with no network — the whole `casediff compare A B --offline
/// --format json` process, as a user or CI runs it.
///
/// Target (issue 17): every run of the process at most 0.5 s for two 36 000-case projects: start, open the store,
/// resolve both projects, plan, read and decode every page from SQLite, assemble, compare, write the JSON diff to
/// stdout (/dev/null here), exit. The store is filled by a real fetch from a `testrail-sim` process, which stays up
/// while the timed runs go: its request log must not grow. The same job in this process (without the process start
/// and the JSON) and its floor — reading every stored payload from SQLite plus a hash join of the titles — say where
/// the time goes.
enum StoreBench {
    struct Result {
        /// Each run of the `casediff` process, in order.
        var runs: [TimedProcess.Outcome]
        /// The largest peak RSS of those processes (each one's `ru_maxrss`); nil when it cannot be told from the
        /// bench's own (see `run`).
        var peakMegabytes: Double?
        /// In process: the job, the comparison alone, the floor and the read that is part of it (medians of three).
        var jobSeconds: Double
        var compareSeconds: Double
        var floorSeconds: Double
        var readSeconds: Double
        var storeMegabytes: Double
        var cases: Int
        var requestsWhileTimed: Int
        var totals: StatusCounts

        var maxSeconds: Double { runs.map(\.wallSeconds).max() ?? 0 }
        var medianCPUSeconds: Double { runs.map(\.cpuSeconds).sorted()[runs.count / 2] }
        var met: Bool { !runs.isEmpty && maxSeconds <= StoreBench.target && requestsWhileTimed == 0 }
    }

    static let target = 0.5
    static let processRuns = 5

    static func run(casesPerProject: Int, products: BenchProducts) async throws -> Result {
        let casediff = try products.casediff()
        let spec = GeneratorSpec(seed: 11, suites: 31, cases: casesPerProject * 2)
        // Only what the bench needs of the data; the data itself is freed before the processes run.
        let projectIDs: [Int]
        let caseCount: Int
        do {
            let data = BenchDataset(spec: spec)
            projectIDs = data.projectIDs
            caseCount = data.caseCount
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        return try await SimulatorProcess.withRunning(
            executable: try products.simulator(), arguments: spec.simulatorArguments
        ) { simulator in
            try simulator.expect(cases: caseCount)
            let client = try simulator.demoClient()
            let instance = client.baseURL.description
            let projects: [Side: ProjectReference] = [.left: .id(projectIDs[0]), .right: .id(projectIDs[1])]
            // Warm-up: a real fetch of both projects into a fresh store.
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
            let sent = try simulator.requestLog().count

            // The verdict: the whole process.
            let arguments = [
                "compare", "\(projectIDs[0])", "\(projectIDs[1])", "--offline", "--format", "json",
                "--store", path,
            ]
            // A spawned child's ru_maxrss starts from the bench's own peak RSS (exec records the peak of the memory it
            // replaces, and posix_spawn's child runs in the bench's until then), so the bench hands back freed memory
            // and resets its peak before each spawn; a maximum above every such floor is a casediff process's own.
            var floorMegabytes = 0.0
            var runs: [TimedProcess.Outcome] = []
            for _ in 0..<processRuns {
                Memory.releaseFreed()
                Memory.resetPeak()
                floorMegabytes = max(floorMegabytes, Memory.peakMegabytes())
                let run = try await TimedProcess.run(casediff, arguments: arguments, environment: simulator.environment)
                // 1 is drift (expected: the right project is a drifted copy); anything but 0 or 1 is a failure.
                guard run.status == 0 || run.status == 1 else {
                    throw BenchError.processFailed(
                        command: "casediff " + arguments.joined(separator: " "), status: run.status,
                        stderr: run.stderr)
                }
                runs.append(run)
            }
            let peak = runs.map(\.peakMegabytes).max() ?? 0

            // Where the time goes: the same job in this process.
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
            let requests = try simulator.requestLog().count - sent
            return Result(
                runs: runs, peakMegabytes: peak > floorMegabytes + 1 ? peak : nil, jobSeconds: times.sorted()[1],
                compareSeconds: compares.sorted()[1], floorSeconds: floors.sorted()[1], readSeconds: reads.sorted()[1],
                storeMegabytes: Double(bytes) / 1e6, cases: report!.left.cases + report!.right.cases,
                requestsWhileTimed: requests, totals: report!.totals)
        }.result
    }
}
