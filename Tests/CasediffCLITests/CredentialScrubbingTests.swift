import Foundation
import Testing

/// A server that echoes the credentials: the key, `user:key` and its base64 form never reach the error line, stderr
/// or the log file, whichever source the key came from.
@Suite struct CredentialScrubbingTests {
    static let user = "qa@example.test"
    static let key = "k3y-echoed-by-a-hostile-server"
    static var forms: [String] { [key, "\(user):\(key)", Data("\(user):\(key)".utf8).base64EncodedString()] }

    func expectNoSecret(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for form in Self.forms {
            #expect(!text.contains(form), "\(form) in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["text", "json"])
    func anEchoedKeyIsRedactedFromTheErrorLineAndTheLog(format: String) async throws {
        let server = try EchoingServer()
        defer { server.stop() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        // One request at a time: the case types are asked first, so their 400 (which quotes the server's message) is
        // the error, not get_project's (which reads "project P1 not found" and quotes nothing).
        let result = try await CLIRunner.run(
            [
                "compare", "1", "2", "--no-store", "--log-file", log.path, "--log-format", format, "--retries", "0",
                "--concurrency", "1",
            ],
            environment: [
                "HOME": FileManager.default.temporaryDirectory.path, "TESTRAIL_URL": server.url,
                "TESTRAIL_USER": Self.user, "TESTRAIL_API_KEY": Self.key,
            ])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.hasPrefix("casediff: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("Field :auth is invalid"), "the server's message is kept: \(result.stderr)")
        #expect(result.stderr.contains("<redacted>"), "\(result.stderr)")
        expectNoSecret(result.stderr)
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains("Field :auth is invalid"), "\(logged)")
        expectNoSecret(logged)
    }

    @Test func aKeyFromTheConfigFileIsRedactedToo() async throws {
        let server = try EchoingServer()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml").path
        let toml = """
            [profiles.echo]
            url = "\(server.url)"
            user = "\(Self.user)"
            api_key = "\(Self.key)"
            """
        try #require(
            FileManager.default.createFile(
                atPath: config, contents: Data(toml.utf8), attributes: [.posixPermissions: 0o600]))
        let result = try await CLIRunner.run(
            ["compare", "echo:1", "echo:2", "--no-store", "--config", config, "--verbose", "--retries", "0"],
            environment: ["HOME": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("casediff: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("<redacted>"), "\(result.stderr)")
        expectNoSecret(result.stderr)
    }

    /// Server text that holds the key (a case titled with it) is redacted from stdout and from every report file.
    @Test func reportsAndStdoutAreScrubbed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-rep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let left = try OutputSafetyTests.writeSnapshot("left", in: folder)
        let right = try OutputSafetyTests.writeSnapshot(
            "right", in: folder, extraCases: 2, title: "Login with \(Self.user):\(Self.key)")
        let files = ["d.json", "d.md", "d.csv", "d.xml"].map { folder.appendingPathComponent($0).path }
        let result = try await CLIRunner.run(
            [
                "compare", left, right, "--format", "json", "--json", files[0], "--markdown", files[1], "--csv",
                files[2], "--junit", files[3],
            ],
            environment: [
                "HOME": folder.path, "TESTRAIL_USER": Self.user, "TESTRAIL_API_KEY": Self.key,
            ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("Login with <redacted> 0"))
        expectNoSecret(result.stdout)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("<redacted>"), "\(file)")
            expectNoSecret(text)
        }
    }
}
