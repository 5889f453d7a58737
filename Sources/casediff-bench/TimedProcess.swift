import CasediffCore
import Foundation

/// A release binary run as a user runs it, timed from spawn to exit: stdout to /dev/null (the process still renders
/// and writes every byte), stderr kept for a failure's message.
enum TimedProcess {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var wallSeconds: Double
        /// The child's user + system CPU (`getrusage(RUSAGE_CHILDREN)` across its run; no other child exits then).
        var cpuSeconds: Double
        var stderr: String
    }

    static func run(_ executable: URL, arguments: [String], environment: [String: String]) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorURL)
        defer { try? errors.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let clock = ContinuousClock()
        let (exits, exited) = AsyncStream.makeStream(of: ContinuousClock.Instant.self)
        // Called on a thread of Foundation's once the child has been waited for; the instant is taken there.
        process.terminationHandler = { _ in
            exited.yield(ContinuousClock.now)
            exited.finish()
        }
        let before = ResourceUsage.ofChildren()
        let start = clock.now
        try process.run()
        var end: ContinuousClock.Instant?
        for await instant in exits {
            end = instant
            break
        }
        if end == nil {
            // Cancelled while waiting: leave no child behind.
            process.terminate()
            process.waitUntilExit()
            throw CancellationError()
        }
        let cpu = ResourceUsage.ofChildren().cpuSeconds - before.cpuSeconds
        // A signal's death reads as a shell shows it: 128 + the signal.
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(
            status: status, wallSeconds: (end! - start).inSeconds, cpuSeconds: cpu,
            stderr: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }
}
