import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// `casediff compare` against an instance that fails with every fault kind mixed (5xx, dropped connections,
/// truncated JSON, HTML login pages, 409 and 429 with `Retry-After: 1`): the diff is exactly the fault-free one.
@Suite struct FaultRunTests {
    static let dataset = HostileDatasets.pair(casesPerSuite: 8)
    static let arguments = ["compare", "1", "2", "--format", "json", "--reproducible", "--no-store", "--quiet"]
    /// Seeds run at once; each is its own simulator and casediff process.
    static let parallelRuns = 4

    /// The fault-free run's exit code and stdout.
    static func baseline() async throws -> CLIResult {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: HostileDatasets.configuration) {
            normalised(try await CLIRunner.run(arguments, environment: HostileDatasets.environment($0)), $0)
        }
    }

    /// `result` with the instance's address (its port differs per simulator) written `<instance>`.
    static func normalised(_ result: CLIResult, _ simulator: RunningSimulator) -> CLIResult {
        var result = result
        result.stdout = result.stdout.replacingOccurrences(of: simulator.baseURL.absoluteString, with: "<instance>")
        return result
    }

    /// One run at `rate` with every fault kind, seeded, and the faults the simulator injected. `warm`: a store is
    /// filled by a first faulty run, and the result is a second run's, which plans every page from the stored sizes
    /// and so sends suite pages in its first wave, before any JSON has come back.
    static func faultyRun(rate: Double, seed: UInt64, warm: Bool = false) async throws
        -> (results: [CLIResult], faults: [String])
    {
        var configuration = HostileDatasets.configuration
        configuration.faults = .mixed(rate: rate)
        configuration.seed = seed
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-faults-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runArguments =
            warm
            ? arguments.filter { $0 != "--no-store" } + ["--store", folder.appendingPathComponent("s.sqlite").path]
            : arguments
        return try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            var results: [CLIResult] = []
            for _ in 0..<(warm ? 2 : 1) {
                let (result, _) = try await HostileDatasets.timedRun(
                    runArguments, environment: HostileDatasets.environment(simulator), limit: .seconds(120))
                results.append(normalised(result, simulator))
            }
            return (results, await simulator.requestLog().compactMap(\.fault))
        }
    }

    /// Every seed's run, at most ``parallelRuns`` at a time, by seed.
    static func faultyRuns(rate: Double, seeds: ClosedRange<UInt64>, warm: Bool) async throws
        -> [UInt64: ([CLIResult], [String])]
    {
        try await withThrowingTaskGroup(of: (UInt64, [CLIResult], [String]).self) { group in
            var pending = Array(seeds).makeIterator()
            var results: [UInt64: ([CLIResult], [String])] = [:]
            for _ in 0..<parallelRuns {
                guard let seed = pending.next() else { break }
                group.addTask {
                    let run = try await faultyRun(rate: rate, seed: seed, warm: warm); return (seed, run.0, run.1)
                }
            }
            while let (seed, result, faults) = try await group.next() {
                results[seed] = (result, faults)
                if let next = pending.next() {
                    group.addTask {
                        let run = try await faultyRun(rate: rate, seed: next, warm: warm); return (next, run.0, run.1)
                    }
                }
            }
            return results
        }
    }

    func expectFaultFreeDiff(rate: Double, seeds: ClosedRange<UInt64>, warm: Bool = false) async throws {
        let baseline = try await Self.baseline()
        #expect(baseline.status == 1, "the pair drifts: \(baseline.stderr)")
        #expect(!baseline.stdout.isEmpty)
        let runs = try await Self.faultyRuns(rate: rate, seeds: seeds, warm: warm)
        var kinds = Set<String>()
        for seed in seeds {
            let (results, faults) = try #require(runs[seed])
            kinds.formUnion(faults.map { $0.hasPrefix("http_5") ? "5xx" : $0 })
            for result in results {
                #expect(result.status == baseline.status, "seed \(seed), faults \(faults): \(result.stderr)")
                #expect(result.stdout == baseline.stdout, "seed \(seed), faults \(faults): \(result.stderr)")
            }
        }
        // The seeds together met every kind, so every kind was survived.
        #expect(kinds.isSuperset(of: ["5xx", "drop", "truncate", "html", "maintenance", "rate_limit"]), "\(kinds)")
    }

    @Test func tenPercentOverTwentySeedsGivesTheFaultFreeDiff() async throws {
        try await expectFaultFreeDiff(rate: 0.1, seeds: 1...20)
    }

    @Test func thirtyPercentOverFiveSeedsGivesTheFaultFreeDiff() async throws {
        try await expectFaultFreeDiff(rate: 0.3, seeds: 1...5)
    }

    /// With a warm store the first wave holds suite pages: an HTML page there, before any JSON, is retried too.
    @Test func thirtyPercentWithAWarmStoreOverFiveSeedsGivesTheFaultFreeDiff() async throws {
        try await expectFaultFreeDiff(rate: 0.3, seeds: 11...15, warm: true)
    }
}
