import Foundation
import Testing

@testable import CasediffCore

/// The configuration file: TOML profiles, typos reported, and a key file others can read refused.
@Suite struct ConfigFileTests {
    static let text = """
        default = "cloud"

        [profiles.cloud]
        url = "https://acme.testrail.io"
        user = "qa@acme.test"
        api_key = "file-key"
        rate = "cloud"
        concurrency = 6

        [profiles.onprem]
        url = "https://testrail.acme.internal"
        rate = 300
        """

    @Test func profilesParse() throws {
        let file = try ConfigFile.parse(Self.text, path: "c.toml")
        #expect(file.defaultProfile == "cloud" && file.holdsKey)
        #expect(
            file.profiles["cloud"]
                == ConfigProfile(
                    name: "cloud", url: "https://acme.testrail.io", user: "qa@acme.test", apiKey: "file-key",
                    rate: .cloud, concurrency: 6))
        #expect(file.profiles["onprem"]?.rate == .perMinute(300) && file.profiles["onprem"]?.apiKey == nil)
    }

    @Test(arguments: [
        ("[profiles.cloud]\nurll = \"x\"", "unknown key 'urll' in profiles.cloud"),
        ("[profiles.cloud]\nconcurrency = 99", "profiles.cloud.concurrency must be a whole number from 1 to 64"),
        ("[profiles.cloud]\nrate = \"fast\"", "profiles.cloud.rate must be cloud"),
        ("default = \"nope\"\n[profiles.cloud]\nurl = \"x\"", "default = 'nope' names no profile"),
        ("url = \"x\"", "unknown key 'url'"),
        ("[profiles.cloud\nurl = 1", "line 1"),
    ])
    func mistakesAreNamed(text: String, message: String) {
        do {
            _ = try ConfigFile.parse(text, path: "c.toml")
            Issue.record("parsed: \(text)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func permissionBits() {
        #expect(ConfigFile.permissionProblem(mode: 0o600) == nil)
        #expect(ConfigFile.permissionProblem(mode: 0o400) == nil)
        #expect(ConfigFile.permissionProblem(mode: 0o640)?.contains("its group can read it (mode 0640)") == true)
        #expect(ConfigFile.permissionProblem(mode: 0o644)?.contains("others can read it (mode 0644)") == true)
    }

    /// A real file: refused at 0644 with the fix in the message, accepted at 0600, and a key-less file is fine
    /// at any mode.
    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.toml").path
        try Self.text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let refusal = #expect(throws: CasediffError.self) { try ConfigFile.load(flag: path, environment: [:]) }
        #expect(
            refusal?.description
                == "config \(path): holds an API key but others can read it (mode 0644); casediff refuses to use it; "
                + "run: chmod 600 \(path)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try ConfigFile.load(flag: path, environment: [:])?.profiles.count == 2)
        try "[profiles.x]\nurl = \"https://x.example\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(try ConfigFile.load(flag: path, environment: [:])?.profiles["x"]?.url == "https://x.example")
    }

    /// A symlink's own mode (0777) says nothing: its target's is checked, and a wrong one names the target.
    @Test func aSymlinkedConfigIsJudgedByItsTarget() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("dotfiles-config.toml").path
        let link = folder.appendingPathComponent("config.toml").path
        try Self.text.write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "dotfiles-config.toml")
        #expect(try ConfigFile.load(flag: link, environment: [:])?.profiles.count == 2)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        let refusal = #expect(throws: CasediffError.self) { try ConfigFile.load(flag: link, environment: [:]) }
        let resolved = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
        #expect(
            refusal?.description
                == "config \(link): its target \(resolved) holds an API key but its group can read it (mode 0640); "
                + "casediff refuses to use it; run: chmod 600 \(resolved)")
    }

    @Test func theDefaultLocationFollowsXDG() throws {
        #expect(
            ConfigFile.location(flag: nil, environment: ["HOME": "/home/qa"])?.path
                == "/home/qa/.config/casediff/config.toml")
        #expect(
            ConfigFile.location(flag: nil, environment: ["XDG_CONFIG_HOME": "/etc/x", "HOME": "/h"])?.path
                == "/etc/x/casediff/config.toml")
        #expect(ConfigFile.location(flag: "my.toml", environment: ["HOME": "/h"])?.explicit == true)
        // A default location without a file means no configuration; a named one must exist.
        #expect(try ConfigFile.load(flag: nil, environment: ["HOME": "/nonexistent-home"]) == nil)
        let missing = #expect(throws: CasediffError.self) {
            try ConfigFile.load(flag: "/nonexistent.toml", environment: [:])
        }
        #expect(missing?.description == "config /nonexistent.toml: no such file")
    }
}
