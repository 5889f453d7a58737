import Foundation

/// Runs the built `casediff` binary and captures what a user or CI would see.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// The products folder: next to the test bundle, or the package's default debug build.
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("casediff")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[1].appendingPathComponent("casediff")
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Runs `casediff arguments` with exactly `environment`; `signalWhen` is polled every 20 ms and sends `signal` (SIGKILL by default) once it is true.
    static func run(
        _ arguments: [String], environment: [String: String], signal: Int32 = SIGKILL,
        signalWhen: (@Sendable () async -> Bool)? = nil
    ) async throws -> CLIResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        for url in [outURL, errURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        let status = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                for await status in exits { return status }
                return -1
            }
            if let signalWhen {
                group.addTask {
                    while !Task.isCancelled {
                        if await signalWhen() {
                            kill(pid, signal)
                            return nil
                        }
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    return nil
                }
            }
            var status: Int32 = -1
            for await value in group {
                guard let value else { continue }
                status = value
                group.cancelAll()
            }
            return status
        }
        return CLIResult(
            status: status, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}

extension CLIRunner {
    /// The golden text at `path` under Fixtures/, or the actual text after writing it with `RECORD_SNAPSHOTS=1`.
    static func golden(_ path: String, actual: String) throws -> String {
        let url = fixtures.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return actual
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
