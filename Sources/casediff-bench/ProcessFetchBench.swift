import CasediffCore
import Foundation
import TestRailAPI
import TestRailSimulator

/// A fetch scenario run as the whole `casediff compare` process (R6): a fresh `testrail-sim` process serving the
/// scenario's data, and the release `casediff` binary comparing its two projects cold, as a user or CI runs it.
///
/// The process fetches both projects, compares them and writes the JSON diff to stdout (/dev/null; every byte is still
/// rendered and written), with a fresh store of its own in a temporary folder (a first run's store writes included)
/// and exactly `TESTRAIL_URL`, `TESTRAIL_USER` and `TESTRAIL_API_KEY` in its environment. Its wall time is from spawn
/// to exit; its CPU and peak RSS are its own (`wait4`, ``TimedProcess``).
enum ProcessFetchBench {
    struct Result {
        var wallSeconds: Double
        /// Requests and 429s from the simulator's request log.
        var server: RequestCounts
        var cases: Int
        /// The casediff process's user + system CPU.
        var cpuSeconds: Double
        /// The casediff process's peak RSS (`ru_maxrss`), in MB; nil when it is not above the bench's own RSS at the
        /// spawn (the child starts in the bench's memory, see ``TimedProcess/Outcome/peakMegabytes``).
        var peakMegabytes: Double?
        /// The bench's own RSS at the spawn, in MB: the least the child's peak can read.
        var floorMegabytes: Double
        var serverCPUSeconds: Double?

        var cpuMicrosecondsPerCase: Double { cpuSeconds * 1e6 / Double(max(1, cases)) }
    }

    static func measure(_ scenario: Scenario, data: BenchDataset, products: BenchProducts) async throws -> Result {
        let casediff = try products.casediff()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments =
            [
                "compare", "\(data.projectIDs[0])", "\(data.projectIDs[1])", "--format", "json",
                "--store", folder.appendingPathComponent("store.sqlite").path,
            ] + scenario.casediffArguments
        let (run, log, serverCPU) = try await SimulatorProcess.withRunning(
            executable: try products.simulator(), arguments: data.spec.simulatorArguments + scenario.simulatorArguments
        ) { simulator in
            try simulator.expect(cases: data.caseCount)
            Memory.releaseFreed()
            Memory.resetPeak()
            let floor = Memory.peakMegabytes()
            let run = try await TimedProcess.run(casediff, arguments: arguments, environment: simulator.environment)
            // 1 is drift (expected: the right project is a drifted copy); anything but 0 or 1 is a failure.
            guard run.status == 0 || run.status == 1 else {
                throw BenchError.processFailed(
                    command: "casediff " + arguments.joined(separator: " "), status: run.status, stderr: run.stderr)
            }
            return (run, floor)
        }
        // The process's output is not read back (hundreds of MB); the server's log says every case was handed out.
        // Pages by suite and offset, however the path spells them.
        var served: [String: Int] = [:]
        for entry in log where entry.method == "get_cases" && entry.status == 200 {
            guard let call = try? TestRailEndpoint(apiPath: entry.path) else { continue }
            served["\(call.parameter("suite_id") ?? "-")@\(call.parameter("offset") ?? "0")"] = entry.items ?? 0
        }
        let fetched = served.values.reduce(0, +)
        guard fetched == data.caseCount else {
            throw BenchError.incompleteFetch(expected: data.caseCount, fetched: fetched)
        }
        let floor = run.1
        return Result(
            wallSeconds: run.0.wallSeconds, server: RequestCounts(log), cases: data.caseCount,
            cpuSeconds: run.0.cpuSeconds, peakMegabytes: run.0.peakMegabytes > floor + 1 ? run.0.peakMegabytes : nil,
            floorMegabytes: floor, serverCPUSeconds: serverCPU)
    }
}
