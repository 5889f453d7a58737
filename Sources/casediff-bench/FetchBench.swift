import CasediffCore
import Foundation
import TestRailAPI
import TestRailSimulator

/// One fetch scenario: a fresh `testrail-sim` process (a fresh rate window) serving the bench's data, and casediff's
/// fetch engine in this process fetching both projects from it through the real HTTP stack.
///
/// The simulator runs in a process of its own, so this process's CPU time (`getrusage`) around the fetch is the
/// client's: connections, decoding, planning, assembling.
enum FetchBench {
    struct Result {
        /// What the client measured: wall time, speculation, peak concurrency, and its own request counts.
        var metrics: FetchMetrics
        /// Requests and 429s from the simulator's request log.
        var server: RequestCounts
        var cases: Int
        /// User + system CPU of this process during the fetch.
        var cpuSeconds: Double
        /// The bench process's peak RSS over the fetch (its high-water mark reset just before), in MB: the fetched
        /// projects and everything the engine allocates, on top of what the bench holds already (the suite sizes of
        /// its data, the simulator's request log read back after a previous scenario, the Swift runtime).
        var peakMegabytes: Double
        /// The simulator process's CPU while the scenario ran.
        var serverCPUSeconds: Double?

        var cpuMicrosecondsPerCase: Double { cpuSeconds * 1e6 / Double(max(1, cases)) }
    }

    static func measure(_ scenario: Scenario, data: BenchDataset, products: BenchProducts) async throws -> Result {
        let (result, log, serverCPU) = try await SimulatorProcess.withRunning(
            executable: try products.simulator(), arguments: data.spec.simulatorArguments + scenario.simulatorArguments
        ) { simulator in
            try simulator.expect(cases: data.caseCount)
            let session = FetchSession(
                client: try simulator.demoClient(),
                options: .init(
                    controller: .init(concurrency: scenario.concurrency), rate: scenario.profile,
                    hints: scenario.hinted ? data.hints : NoSizeHints()))
            Memory.releaseFreed()
            Memory.resetPeak()
            let before = ResourceUsage.ofSelf()
            let outcome = try await session.run(projects: [
                .left: .id(data.projectIDs[0]), .right: .id(data.projectIDs[1]),
            ])
            let cpu = ResourceUsage.ofSelf().cpuSeconds - before.cpuSeconds
            let peak = Memory.peakMegabytes()
            let cases = outcome.projects.values.reduce(0) { $0 + $1.caseCount }
            guard cases == data.caseCount else {
                throw BenchError.incompleteFetch(expected: data.caseCount, fetched: cases)
            }
            return Result(
                metrics: outcome.metrics, server: RequestCounts(requests: 0, rateLimited: 0), cases: cases,
                cpuSeconds: cpu, peakMegabytes: peak)
        }
        var measured = result
        measured.server = RequestCounts(log)
        measured.serverCPUSeconds = serverCPU
        return measured
    }
}
