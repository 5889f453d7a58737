import Foundation
import TestRailSimulator

/// A `testrail-sim` process for one scenario, as a real TestRail server is: on CPU time of its own, so the server
/// does not take the client's cycles in-process and the bench's `getrusage` is the client's alone.
///
/// `withRunning` is the only way in: it starts the release binary with `--stop-when-stdin-closes`, waits until it
/// prints its address, runs the body, and stops it whatever the body does. Foundation's `Process` puts the child in
/// a process group of its own, so a Ctrl-C at the terminal does not reach it; the pipe on its stdin does — if the
/// bench dies, however abruptly, the pipe closes and the simulator shuts down. What the server saw is read back from
/// its `--request-log`.
struct SimulatorProcess {
    /// The instance's root, e.g. `http://127.0.0.1:53211/`.
    let baseURL: URL
    /// What it serves, as it says at start: `2 projects, 31 suites, 35993 cases`.
    let summary: String
    let requestLogURL: URL
    let processIdentifier: Int32

    /// How long the simulator may take to generate its data and bind its port.
    static let startTimeout = Duration.seconds(120)
    /// How long a graceful shutdown may take before SIGTERM, then SIGKILL.
    static let stopTimeout = Duration.seconds(10)

    /// Runs `body` against a simulator started with `arguments` (data, latency, limit; the port, the request log and
    /// the stdin watch are added here); returns what `body` returned, the server's request log, read once the
    /// simulator has stopped and so has logged every request it answered, and the CPU the simulator used while `body`
    /// ran (user + system, from /proc; nil where there is none).
    static func withRunning<Result>(
        executable: URL, arguments: [String], _ body: (SimulatorProcess) async throws -> Result
    ) async throws -> (result: Result, log: [RequestLogEntry], serverCPUSeconds: Double?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let logURL = folder.appendingPathComponent("requests.jsonl")
        let outputURL = folder.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.arguments =
            arguments + [
                "--host", "127.0.0.1", "--port", "0", "--request-log", logURL.path, "--stop-when-stdin-closes",
            ]
        let input = Pipe()
        let output = try FileHandle(forWritingTo: outputURL)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()

        let outcome: Swift.Result<Result, any Error>
        var serverCPU: Double?
        do {
            let simulator = try await listening(process, outputURL: outputURL, logURL: logURL)
            let before = simulator.cpuSeconds()
            outcome = .success(try await body(simulator))
            if let before, let after = simulator.cpuSeconds() { serverCPU = after - before }
        } catch {
            outcome = .failure(error)
        }
        await stop(process, input: input)
        let result = try outcome.get()
        return (result, try readLog(logURL), serverCPU)
    }

    /// The simulator's user + system CPU so far, in seconds, from `/proc/PID/stat` (Linux; nil elsewhere).
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (name) ": state is field 3, utime and stime fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The server's request log so far (complete lines only).
    func requestLog() throws -> [RequestLogEntry] {
        try Self.readLog(requestLogURL)
    }

    /// Waits for `testrail-sim listening on URL (summary)`.
    private static func listening(_ process: Process, outputURL: URL, logURL: URL) async throws -> SimulatorProcess {
        let prefix = "testrail-sim listening on "
        let clock = ContinuousClock()
        let deadline = clock.now + startTimeout
        while true {
            let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                let rest = line.dropFirst(prefix.count)
                let address = rest.prefix { $0 != " " }
                var summary = rest.dropFirst(address.count).trimmingCharacters(in: .whitespaces)
                if summary.hasPrefix("("), summary.hasSuffix(")") { summary = String(summary.dropFirst().dropLast()) }
                guard let url = URL(string: String(address)) else {
                    throw BenchError.simulatorDidNotStart(reason: "printed no usable address", output: text)
                }
                return SimulatorProcess(
                    baseURL: url, summary: summary, requestLogURL: logURL,
                    processIdentifier: process.processIdentifier)
            }
            if !process.isRunning {
                throw BenchError.simulatorDidNotStart(
                    reason: "exited with status \(process.terminationStatus) before listening", output: text)
            }
            if clock.now > deadline {
                throw BenchError.simulatorDidNotStart(
                    reason: "did not listen within \(startTimeout)", output: text)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Closes the simulator's stdin (a graceful shutdown: requests in flight are answered and logged), then
    /// escalates to SIGTERM and SIGKILL if it lingers; returns once the process has exited.
    private static func stop(_ process: Process, input: Pipe) async {
        try? input.fileHandleForWriting.close()
        if await exited(process, within: stopTimeout) { return }
        process.terminate()
        if await exited(process, within: stopTimeout) { return }
        kill(process.processIdentifier, SIGKILL)
        _ = await exited(process, within: stopTimeout)
    }

    private static func exited(_ process: Process, within timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            guard clock.now < deadline else { return false }
            // Not `try?` on a cancelled task's sleep alone: that would spin; a cancelled task waits by the clock.
            if (try? await Task.sleep(for: .milliseconds(10))) == nil { usleep(10_000) }
        }
        return true
    }

    private static func readLog(_ url: URL) throws -> [RequestLogEntry] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        var entries: [RequestLogEntry] = []
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if end > start { entries.append(try decoder.decode(RequestLogEntry.self, from: data[start..<end])) }
            start = data.index(after: end)
        }
        return entries
    }
}
