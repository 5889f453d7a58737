import CasediffCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A release binary run as a user runs it, timed from spawn to exit: stdout to a file or /dev/null (the process still
/// renders and writes every byte), stderr kept for a failure's message.
///
/// Spawned with `posix_spawn` and reaped with `wait4`, so the resource usage is this one child's own — its CPU and
/// its peak RSS (`ru_maxrss`) — not the maximum over every child the bench has waited for (the simulators too).
/// Foundation's `Process` reaps only the processes it started, by their ids, so the two do not meet.
enum TimedProcess {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var wallSeconds: Double
        /// The child's user + system CPU.
        var cpuSeconds: Double
        /// The child's peak resident set size (`ru_maxrss`), in MB. It is at least the bench's own RSS at the spawn:
        /// the child runs in the bench's memory until it executes the binary, and the kernel keeps that peak.
        var peakMegabytes: Double
        var stderr: String
    }

    /// Runs `executable` to its end; `standardOutput` is a file path (nil: /dev/null).
    static func run(
        _ executable: URL, arguments: [String], environment: [String: String], standardOutput: String? = nil
    ) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let errorPath = folder.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, standardOutput ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError.processFailed(
                command: executable.path, status: -1, stderr: "posix_spawn: \(String(cString: strerror(spawned)))")
        }
        let child = pid
        let (status, usage) = await withTaskCancellationHandler {
            await reap(child)
        } onCancel: {
            kill(child, SIGTERM)
        }
        let wall = (clock.now - start).inSeconds
        try Task.checkCancellation()
        let usageFigures = ResourceUsage(usage)
        // A signal's death reads as a shell shows it: 128 + the signal.
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(
            status: exit, wallSeconds: wall, cpuSeconds: usageFigures.cpuSeconds,
            peakMegabytes: usageFigures.maxResidentMegabytes,
            stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    /// Waits for `pid` on a thread of its own (wait4 blocks), so no thread of Swift's pool is held.
    private static func reap(_ pid: pid_t) async -> (status: Int32, usage: rusage) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var status: Int32 = 0
                var usage = rusage()
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                continuation.resume(returning: (status, usage))
            }
            thread.start()
        }
    }
}
