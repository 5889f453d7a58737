import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI
import TestRailSimulator

/// `make bench`: the fetch engine against the simulator, each scenario's wall time against its theoretical floor.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casediff-bench",
        abstract: "Measure the fetch engine against the simulator and print ratios to the floor.")

    @Option(help: "Run only these scenarios (comma-separated: R1,R1b,R2,R2h,base,C1,W1).")
    var only: String?

    @Option(help: "Cases per project in the in-memory comparison (C1).")
    var compareCases: Int = 100_000

    @Option(help: "Cases per project in the warm-store comparison (W1).")
    var storeCases: Int = 36_000

    @Option(help: "Cases over the pair of projects.")
    var cases: Int = 36_000

    @Option(help: "Suites over the pair of projects.")
    var suites: Int = 31

    @Option(help: "Latency of every response, in milliseconds.")
    var latencyMs: Int = 200

    @Option(help: "Only time decoding this page file (a get_cases response) and exit.")
    var decodePage: String?

    func run() async throws {
        if let decodePage {
            let body = try Data(contentsOf: URL(fileURLWithPath: decodePage))
            if let root = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                let first = (root["cases"] as? [[String: Any]])?.first
            {
                do { _ = try TestCase(jsonObject: first) } catch { print("fast path fails: \(error)") }
            }
            let clock = ContinuousClock()
            let rounds = 30
            let elapsed = try clock.measure {
                for _ in 0..<rounds { _ = try Page<TestCase>.decode(body, itemsKey: "cases") }
            }
            let perPage = elapsed.inSeconds / Double(rounds) * 1000
            print(
                String(
                    format: "decode: %.2f ms per %d-byte page (%.1f MB/s)", perPage, body.count,
                    Double(body.count) / (perPage / 1000) / 1e6))
            return
        }
        let selected = only.map { Set($0.split(separator: ",").map { String($0).lowercased() }) }
        var missed: [String] = []
        if selected?.contains("c1") ?? true {
            if !Self.runCompare(cases: compareCases) { missed.append("C1") }
        }
        if selected?.contains("w1") ?? true {
            if !(await Self.runStore(casesPerProject: storeCases)) { missed.append("W1") }
        }
        if let selected, selected.isSubset(of: ["c1", "w1"]) {
            if !missed.isEmpty { print("casediff-bench: targets missed: \(missed.joined(separator: ", "))") }
            return
        }
        let data = BenchDataset(spec: GeneratorSpec(seed: 7, suites: suites, cases: cases))
        let latency = Duration.milliseconds(latencyMs)
        let jitter = latency / 10
        let scenarios = [
            Scenario(
                name: "R1", summary: "rate-limited 180/min, cold", serverLimit: 180, profile: .perMinute(180),
                latency: latency, jitter: jitter, concurrency: 8, hinted: false, target: 1.05, requestTarget: 1.01,
                rejectionTarget: 0.01),
            Scenario(
                name: "R1b", summary: "true limit 120/min, casediff assumes 180", serverLimit: 120,
                profile: .perMinute(180), latency: latency, jitter: jitter, concurrency: 8, hinted: false,
                target: 1.15, requestTarget: nil, rejectionTarget: nil),
            Scenario(
                name: "R2", summary: "no limit, concurrency 32, cold", serverLimit: nil, profile: .server,
                latency: latency, jitter: jitter, concurrency: 32, hinted: false, target: 1.25, requestTarget: nil,
                rejectionTarget: nil),
            Scenario(
                name: "R2h", summary: "no limit, concurrency 32, exact hints", serverLimit: nil, profile: .server,
                latency: latency, jitter: jitter, concurrency: 32, hinted: true, target: 1.10, requestTarget: nil,
                rejectionTarget: nil),
            Scenario(
                name: "base", summary: "R2's data with --concurrency 1 (before)", serverLimit: nil, profile: .server,
                latency: latency, jitter: jitter, concurrency: 1, hinted: false, target: nil, requestTarget: nil,
                rejectionTarget: nil),
        ]
        let minimum = data.minimumRequests
        print(
            "casediff-bench: \(data.caseCount) cases in \(data.suiteCount) suites over 2 projects "
                + "(largest suite \(data.largestSuite) cases); minimum requests \(minimum); "
                + "latency \(latencyMs) ms ± 10%; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        // What this machine needs to fetch and decode the data at all: no latency, no limit, every page known.
        let machine = try await Self.measure(
            Scenario(
                name: "M", summary: "", serverLimit: nil, profile: .server, latency: .zero, jitter: .zero,
                concurrency: 32, hinted: true, target: nil, requestTarget: nil, rejectionTarget: nil), data: data)
        print(
            String(
                format: "machine floor: %.2f s to fetch and decode everything with zero latency (CPU and loopback)",
                machine.wallTime.inSeconds))
        print(Self.header)
        for scenario in scenarios where selected?.contains(scenario.name.lowercased()) ?? true {
            let result = try await Self.measure(scenario, data: data)
            let floor = scenario.floor(minimumRequests: minimum, criticalPath: 2)
            let ratio = result.wallTime.inSeconds / floor.inSeconds
            let machineRatio = result.wallTime.inSeconds / max(floor.inSeconds, machine.wallTime.inSeconds)
            let requestRatio = Double(result.requests) / Double(minimum)
            let rejectionShare = Double(result.rateLimited) / Double(max(1, result.requests))
            var verdict = "-"
            if let target = scenario.target {
                var met = ratio <= target
                if let requestTarget = scenario.requestTarget { met = met && requestRatio <= requestTarget }
                if let rejectionTarget = scenario.rejectionTarget { met = met && rejectionShare <= rejectionTarget }
                verdict = met ? "met" : "MISSED"
                if !met { missed.append(scenario.name) }
            }
            print(
                Self.row(
                    scenario.name, String(format: "%.2f s", result.wallTime.inSeconds),
                    String(format: "%.2f s", floor.inSeconds), String(format: "%.3f×", ratio),
                    scenario.target.map { String(format: "≤ %.2f×", $0) } ?? "-",
                    "\(result.requests) (\(String(format: "%.3f×", requestRatio)))", "\(result.rateLimited)",
                    "\(result.speculative)/\(result.wastedPages)", "\(result.peakConcurrency)",
                    String(format: "%.3f×", machineRatio), verdict)
                    + "  " + scenario.summary)
        }
        if !missed.isEmpty {
            print("casediff-bench: targets missed: \(missed.joined(separator: ", "))")
        }
    }

    /// C1: the in-memory comparison; prints one line and says whether both targets were met.
    static func runCompare(cases: Int) -> Bool {
        do {
            let result = try CompareBench.run(cases: cases)
            let met = result.seconds < 1 && result.peakMegabytes < 300
            print(
                String(
                    format:
                        "C1 compare 2 × %d cases in memory: %.3f s (floor %.3f s, %.1f×; target < 1 s), "
                        + "peak RSS %.0f MB (data %.0f MB; target < 300 MB): %@; JSON render %.2f s; "
                        + "%d added, %d removed, %d changed, %d moved, %d renamed, %d unchanged",
                    cases, result.seconds, result.floorSeconds, result.seconds / result.floorSeconds,
                    result.peakMegabytes, result.dataMegabytes, met ? "met" : "MISSED", result.renderSeconds,
                    result.totals.added, result.totals.removed, result.totals.changed, result.totals.moved,
                    result.totals.renamed, result.totals.unchanged))
            return met
        } catch {
            print("C1 failed: \(error)")
            return false
        }
    }

    /// W1: the warm-store comparison; prints one line and says whether the target was met.
    static func runStore(casesPerProject: Int) async -> Bool {
        do {
            let result = try await StoreBench.run(casesPerProject: casesPerProject)
            let met = result.seconds < 0.5 && result.requestsWhileTimed == 0
            print(
                String(
                    format:
                        "W1 compare 2 × %d cases from a warm store, offline: %.3f s (of which comparing %.3f s; floor %.3f s = SQLite read "
                        + "%.3f s + title hash join, %.1f×; target < 0.5 s): %@; %d requests while timed; "
                        + "%.0f MB of pages; %d cases compared, %d drifted",
                    casesPerProject, result.seconds, result.compareSeconds, result.floorSeconds, result.readSeconds,
                    result.seconds / result.floorSeconds, met ? "met" : "MISSED", result.requestsWhileTimed,
                    result.storeMegabytes, result.cases, result.totals.drift))
            return met
        } catch {
            print("W1 failed: \(error)")
            return false
        }
    }

    static let widths = [5, 10, 9, 8, 8, 14, 5, 10, 5, 9, 7]
    static var header: String {
        row(
            "name", "wall", "floor", "ratio", "target", "requests", "429s", "spec/waste", "peak", "vs machine",
            "verdict")
    }

    static func row(_ cells: String...) -> String {
        zip(cells, widths).map { cell, width in
            cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
        }.joined(separator: " ")
    }

    /// One scenario on a fresh simulator (a fresh rate window), through the real HTTP stack.
    static func measure(_ scenario: Scenario, data: BenchDataset) async throws -> FetchMetrics {
        let configuration = SimulatorConfiguration(
            rateLimitPerMinute: scenario.serverLimit, latency: scenario.latency, jitter: scenario.jitter, seed: 7)
        return try await TestRailSimulator.withRunning(dataset: data.dataset, configuration: configuration) {
            simulator in
            let client = try simulator.demoClient()
            let job = CompareJob(
                client: client, left: .id(data.projectIDs[0]), right: .id(data.projectIDs[1]),
                options: .init(
                    controller: .init(concurrency: scenario.concurrency), rate: scenario.profile,
                    hints: scenario.hinted ? data.hints : NoSizeHints()))
            let result = try await job.run()
            return result.metrics ?? FetchMetrics()
        }
    }
}
