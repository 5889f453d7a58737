import Foundation
import Testing

/// What casediff writes, wherever it is told to write it: regular files replaced atomically, symlinks written
/// through, devices, FIFOs and open descriptors (`/dev/stdout`, `/dev/fd/N`) written in place, and every failure (a full disk, a closed stdout, a reader gone) one
/// line and exit 2, never a crash.
@Suite struct OutputSafetyTests {
    /// Two small snapshots that differ (the `duplicates` comparison fixture, with a snapshot's header).
    static let pair: (left: String, right: String) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-pair-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try! writeSnapshot("left", in: folder), try! writeSnapshot("right", in: folder))
    }()
    static let compare = ["compare", pair.left, pair.right, "--quiet"]

    /// The comparison fixture `side` as a snapshot file in `folder`, with `extraCases` more cases in its first suite.
    static func writeSnapshot(
        _ side: String, in folder: URL, extraCases: Int = 0, title: String = "Generated case number"
    ) throws -> String {
        let fixture = CLIRunner.fixtures.appendingPathComponent("compare/duplicates/\(side).json")
        var snapshot = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        snapshot.merge(
            [
                "format": "casediff-snapshot", "schema_version": 1, "casediff_version": "0.5.0",
                "taken_at": "2026-01-01T00:00:00Z",
            ]) { $1 }
        if extraCases > 0 {
            var suites = try #require(snapshot["suites"] as? [[String: Any]])
            let cases = try #require(suites[0]["cases"] as? [[String: Any]])
            suites[0]["cases"] =
                cases
                + (0..<extraCases).map { number in
                    cases[0].merging(["id": 100_000 + number, "title": "\(title) \(number)"]) { $1 }
                }
            snapshot["suites"] = suites
        }
        let path = folder.appendingPathComponent("\(side).json").path
        try JSONSerialization.data(withJSONObject: snapshot).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A fresh folder, removed after `body`.
    func inFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// Runs casediff with stdout on `stdout` (a path opened for writing, appended to with `append`, or nil for a
    /// closed stdout); stderr is captured.
    func run(_ arguments: [String], stdout: String?, append: Bool = false) async throws -> (
        status: Int32, stderr: String
    ) {
        // The shell closes stdout (`>&-`) or points it at the file: Process cannot hand a child a closed descriptor.
        let redirect = stdout.map { "\(append ? ">>" : ">") '\($0)'" } ?? ">&-"
        return try await shell("exec \"$0\" \"$@\" \(redirect)", arguments: arguments)
    }

    /// Runs `script` in `shell` with `$0` the casediff binary and `arguments` as `$@`; stderr is captured.
    func shell(_ script: String, arguments: [String], shell: String = "/bin/sh") async throws -> (
        status: Int32, stderr: String
    ) {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-err-\(UUID().uuidString)")
        try #require(FileManager.default.createFile(atPath: errors.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", script, CLIRunner.binary.path] + arguments
        process.environment = ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        let status = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return (status, try String(contentsOf: errors, encoding: .utf8))
    }

    /// The JUnit file and the table casediff writes for the pair, each on its own: what a shared stdout must hold.
    func separateJUnitAndTable(in folder: URL) async throws -> (junit: String, table: String) {
        let junit = folder.appendingPathComponent("alone.xml").path
        let table = folder.appendingPathComponent("alone.txt").path
        let result = try await run(Self.compare + ["--reproducible", "--junit", junit], stdout: table)
        #expect(result.status == 1, "\(result.stderr)")
        let written = (
            try String(contentsOfFile: junit, encoding: .utf8), try String(contentsOfFile: table, encoding: .utf8)
        )
        #expect(written.0.hasPrefix("<?xml") && written.1.contains("Suite"))
        return written
    }

    /// What is at `path` (not following a symlink).
    func type(of path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    func mode(of path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    /// stderr is exactly one error line, `casediff: error: <text>`.
    func expectExactErrorLine(
        _ stderr: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(stderr == "casediff: error: \(text)\n", sourceLocation: sourceLocation)
    }

    @Test func aFullDiskOnStdoutIsOneLineAndExitTwo() async throws {
        let result = try await run(Self.compare, stdout: "/dev/full")
        #expect(result.status == 2)
        expectExactErrorLine(result.stderr, "cannot write the result to stdout: no space left on device")
    }

    @Test func aClosedStdoutIsOneLineAndExitTwo() async throws {
        let result = try await run(Self.compare, stdout: nil)
        #expect(result.status == 2)
        expectExactErrorLine(result.stderr, "cannot write the result to stdout: it is closed")
    }

    @Test func aReaderThatGoesAwayIsAWriteFailureNotSuccess() async throws {
        // `| head -c 1` on a result larger than a pipe's buffer: EPIPE, never SIGPIPE's silent death or exit 0/1.
        try await inFolder { folder in
            // A diff larger than any pipe's buffer.
            let left = try Self.writeSnapshot("left", in: folder)
            let right = try Self.writeSnapshot("right", in: folder, extraCases: 5000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // POSIX sh has no PIPESTATUS: casediff's status is written to stderr after it.
            process.arguments = [
                "-c", "{ \"$0\" \"$@\"; echo \"rc=$?\" >&2; } | head -c 1 >/dev/null", CLIRunner.binary.path,
                "compare", left, right, "--quiet", "--format", "json",
            ]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let stderr = try await BlockingCall.run {
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return output
            }
            #expect(
                stderr == "casediff: error: cannot write the result to stdout: the reader closed the pipe\nrc=2\n")
        }
    }

    @Test func aFullDiskForAnOutputFileIsOneLineAndExitTwo() async throws {
        let result = try await run(Self.compare + ["--json", "/dev/full"], stdout: "/dev/null")
        #expect(result.status == 2)
        expectExactErrorLine(result.stderr, "cannot write /dev/full: no space left on device")
        #expect(try type(of: "/dev/full") == .typeCharacterSpecial, "/dev/full is still a device")
    }

    @Test func devNullIsWrittenInPlaceNotReplaced() async throws {
        let result = try await run(Self.compare + ["--junit", "/dev/null", "--csv", "/dev/null"], stdout: "/dev/null")
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        #expect(try type(of: "/dev/null") == .typeCharacterSpecial)
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsMode() async throws {
        try await inFolder { folder in
            let file = folder.appendingPathComponent("diff.json").path
            try #require(FileManager.default.createFile(atPath: file, contents: Data("old".utf8)))
            chmod(file, 0o640)
            let result = try await run(Self.compare + ["--json", file, "--reproducible"], stdout: "/dev/null")
            #expect(result.status == 1)
            let written = try String(contentsOfFile: file, encoding: .utf8)
            #expect(written.hasPrefix("{") && written.contains("\"schema_version\""))
            #expect(try mode(of: file) == 0o640)
            // Nothing is left beside it: the temp file was renamed over it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["diff.json"])
        }
    }

    @Test func aSymlinkIsWrittenThroughToItsTarget() async throws {
        try await inFolder { folder in
            let target = folder.appendingPathComponent("real.md").path
            let link = folder.appendingPathComponent("summary.md").path
            try #require(FileManager.default.createFile(atPath: target, contents: Data("old".utf8)))
            chmod(target, 0o600)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.md")
            // A dangling link: its target is created.
            let dangling = folder.appendingPathComponent("cases.csv").path
            try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "new.csv")
            let result = try await run(Self.compare + ["--markdown", link, "--csv", dangling], stdout: "/dev/null")
            #expect(result.status == 1)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.md")
            #expect(try String(contentsOfFile: target, encoding: .utf8).contains("|"))
            #expect(try mode(of: target) == 0o600)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling) == "new.csv")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.csv").path))
        }
    }

    @Test func aFIFOIsWrittenToItsReader() async throws {
        try await inFolder { folder in
            let fifo = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = Task {
                try await BlockingCall.run { () -> Data in
                    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: fifo))
                    defer { try? handle.close() }
                    return try handle.readToEnd() ?? Data()
                }
            }
            let result = try await run(Self.compare + ["--json", fifo, "--reproducible"], stdout: "/dev/null")
            // Should casediff not have opened the FIFO, the reader is released rather than left waiting.
            let release = open(fifo, O_WRONLY | O_NONBLOCK)
            if release >= 0 { close(release) }
            #expect(result.status == 1, "\(result.stderr)")
            let received = try await reader.value
            #expect(String(decoding: received, as: UTF8.self).contains("\"schema_version\""))
            let kind = try type(of: fifo)
            #expect(kind != nil && kind != .typeRegular, "still a FIFO, not replaced by a file")
        }
    }

    @Test func devStdoutOnAPipeGetsTheJUnitAndTheTable() async throws {
        // `/dev/stdout` is a link to `/proc/self/fd/1`, which reads `pipe:[123]`: no path to write a temp file beside.
        try await inFolder { folder in
            let expected = try await separateJUnitAndTable(in: folder)
            let received = folder.appendingPathComponent("received.txt").path
            // POSIX sh has no PIPESTATUS: casediff's status is written to stderr after it.
            let result = try await shell(
                "{ \"$0\" \"$@\"; echo \"rc=$?\" >&2; } | cat > '\(received)'",
                arguments: Self.compare + ["--reproducible", "--junit", "/dev/stdout"])
            #expect(result.status == 0)
            #expect(result.stderr == "rc=1\n")
            #expect(try String(contentsOfFile: received, encoding: .utf8) == expected.junit + expected.table)
        }
    }

    @Test func devStdoutRedirectedToAFileKeepsTheJUnitAndTheTable() async throws {
        // Renaming a temp file over `out.txt` would leave the shell's descriptor on the unlinked old file.
        try await inFolder { folder in
            let expected = try await separateJUnitAndTable(in: folder)
            let out = folder.appendingPathComponent("out.txt").path
            let result = try await run(Self.compare + ["--reproducible", "--junit", "/dev/stdout"], stdout: out)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(try String(contentsOfFile: out, encoding: .utf8) == expected.junit + expected.table)
            #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.hasPrefix(".") })
        }
    }

    @Test func procSelfFDAppendedToKeepsWhatWasThere() async throws {
        try await inFolder { folder in
            let expected = try await separateJUnitAndTable(in: folder)
            let out = folder.appendingPathComponent("log.txt").path
            try #require(FileManager.default.createFile(atPath: out, contents: Data("an earlier line\n".utf8)))
            let result = try await run(
                Self.compare + ["--reproducible", "--junit", "/proc/self/fd/1"], stdout: out, append: true)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(
                try String(contentsOfFile: out, encoding: .utf8)
                    == "an earlier line\n" + expected.junit + expected.table)
        }
    }

    @Test func aClosedStdoutNamedAsDevStdoutIsOneLineAndExitTwo() async throws {
        let result = try await run(Self.compare + ["--junit", "/dev/stdout"], stdout: nil)
        #expect(result.status == 2)
        expectExactErrorLine(result.stderr, "cannot write /dev/stdout: it is closed")
    }

    /// Process substitution needs bash: dash, the usual /bin/sh, has none.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "process substitution needs bash"))
    func processSubstitutionDevFDGetsTheJSON() async throws {
        try await inFolder { folder in
            let received = folder.appendingPathComponent("received.json").path
            // `>(cat …)` is `/dev/fd/63`, a pipe; `wait $!` waits for its reader (bash 4.4 and later).
            let result = try await shell(
                "\"$0\" \"$@\" --json >(cat > '\(received)') > /dev/null; status=$?; wait $!; exit $status",
                arguments: Self.compare + ["--reproducible"], shell: "/bin/bash")
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(try String(contentsOfFile: received, encoding: .utf8).contains("\"schema_version\""))
        }
    }

    @Test func anOutputInAMissingDirectoryOrOnADirectoryIsOnePlainLine() async throws {
        try await inFolder { folder in
            let missing = folder.appendingPathComponent("missing/diff.json").path
            let absent = try await run(Self.compare + ["--json", missing], stdout: "/dev/null")
            #expect(absent.status == 2)
            expectExactErrorLine(
                absent.stderr, "cannot write \(missing): its directory \(folder.path)/missing does not exist")
            let directory = try await run(Self.compare + ["--csv", folder.path], stdout: "/dev/null")
            #expect(directory.status == 2)
            expectExactErrorLine(directory.stderr, "cannot write \(folder.path): it is a directory")
        }
    }

    @Test func aDirectoryGivenAsASnapshotIsOnePlainLine() async throws {
        try await inFolder { folder in
            let result = try await run(["compare", folder.path, Self.pair.right], stdout: "/dev/null")
            #expect(result.status == 2)
            expectExactErrorLine(result.stderr, "snapshot \(folder.path): cannot read it (it is a directory)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFullDiskForTheLogFileIsOneLineAndExitTwo() async throws {
        let result = try await run(Self.compare + ["--log-file", "/dev/full"], stdout: "/dev/null")
        #expect(result.status == 2)
        expectExactErrorLine(result.stderr, "cannot write /dev/full: no space left on device")
    }
}
