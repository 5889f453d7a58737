import Foundation
import Testing

/// The built `testrail-sim` as a program that spawns it sees it (the benchmark does, once per fetch scenario).
@Suite struct SimulatorCommandTests {
    /// Next to the `casediff` binary the CLI tests run.
    static let binary = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("testrail-sim")

    @Test func closingStdinStopsTheSimulatorGracefully() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build testrail-sim first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("testrail-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "--fixtures", CLIRunner.fixtures.appendingPathComponent("demo/instance.json").path,
            "--stop-when-stdin-closes",
        ]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let listening = await Self.poll(for: .seconds(30)) {
            ((try? String(contentsOf: outputURL, encoding: .utf8)) ?? "").contains("testrail-sim listening on http://")
        }
        #expect(listening, "\((try? String(contentsOf: outputURL, encoding: .utf8)) ?? "")")
        #expect(process.isRunning)

        try input.fileHandleForWriting.close()
        let stopped = await Self.poll(for: .seconds(10)) { !process.isRunning }
        try #require(stopped, "the simulator still runs 10 s after its stdin closed")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// Whether `condition` became true within `limit`, checked every 20 ms.
    static func poll(for limit: Duration, _ condition: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
