import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// The habits a shell, a pager and a CI job expect of a command-line tool: outputs checked before the first request,
/// short flags, `--color`, files named for what they hold, snapshots that re-take to the same bytes and say what
/// they are, an unreachable host named, completions for every closed set of values.
@Suite struct CLIConventionsTests {
    static let key = CompareCommandTests.key
    static var dataset: Dataset { CompareCommandTests.dataset }
    static var configuration: SimulatorConfiguration { CompareCommandTests.configuration }

    func environment(_ simulator: RunningSimulator) -> [String: String] {
        [
            "TESTRAIL_URL": simulator.baseURL.absoluteString, "TESTRAIL_USER": "qa@example.test",
            "TESTRAIL_API_KEY": Self.key, "HOME": FileManager.default.temporaryDirectory.path,
        ]
    }

    /// A fresh folder, removed after `body`.
    func inFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-cv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// Every file option, and the snapshot's, fails on a missing directory before a single request is sent.
    @Test func everyOutputIsCheckedBeforeTheFirstRequest() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            try await inFolder { folder in
                let missing = folder.appendingPathComponent("nodir/out.x").path
                let runs: [[String]] =
                    ["--json", "--markdown", "--csv", "--junit", "-o"].map { ["compare", "1", "2", $0, missing] }
                    + [["snapshot", "1", "--output", missing]]
                for arguments in runs {
                    let result = try await CLIRunner.run(
                        arguments + ["--no-store"], environment: environment(simulator))
                    expectOneErrorLine(
                        result, containing: "cannot write \(missing): its directory \(folder.path)/nodir does not exist"
                    )
                }
                let directory = try await CLIRunner.run(
                    ["compare", "1", "2", "--junit", folder.path, "--no-store"], environment: environment(simulator))
                expectOneErrorLine(directory, containing: "cannot write \(folder.path): it is a directory")
                #expect(await simulator.requestLog().isEmpty, "a request was sent before the outputs were checked")
            }
        }
    }

    /// `-o FILE` holds the result in the format its extension names (or `-f`'s), with nothing on stdout; `-q` is
    /// `--quiet`; a path that is a format's name is refused rather than written as a file of that name.
    @Test func shortFlagsAndTheResultFile() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            try await inFolder { folder in
                let json = folder.appendingPathComponent("diff.json").path
                let byExtension = try await CLIRunner.run(
                    ["compare", "1", "2", "-o", json, "-q", "--no-store"], environment: environment(simulator))
                #expect(byExtension.status == 1, "\(byExtension.stderr)")
                #expect(byExtension.stdout.isEmpty && byExtension.stderr.isEmpty)
                #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"schema_version\""))

                let text = folder.appendingPathComponent("diff.txt").path
                let byFlag = try await CLIRunner.run(
                    ["compare", "1", "2", "-f", "csv", "-o", text, "--no-store"], environment: environment(simulator))
                #expect(byFlag.status == 1, "\(byFlag.stderr)")
                #expect(byFlag.stdout.isEmpty)
                #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("suite,"))
                #expect(byFlag.stderr.contains("csv written to \(text)"), "\(byFlag.stderr)")
            }
        }
        for (option, name, format) in [
            ("--output", "output", "json"), ("-o", "output", "junit"), ("--json", "json", "csv"),
            ("--junit", "junit", "table"),
        ] {
            let result = try await CLIRunner.run(["compare", "1", "2", option, format], environment: [:])
            #expect(result.status == 64, "\(option) \(format): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix("casediff: error: --\(name) \(format) would write a file named '\(format)'"),
                "\(result.stderr)")
        }
    }

    /// Two outputs in one place would lose one silently (or interleave on stdout): refused, as a format's name in
    /// any case or an extension alone is.
    @Test func outputsNeverShareAPlaceOrTakeAFormatsName() async throws {
        let refusals: [([String], String)] = [
            (["-o", "x.json", "--json", "x.json"], "--json and --output both name x.json"),
            (["--junit", "out/../x.xml", "--csv", "x.xml"], "--junit and --csv both name out/../x.xml"),
            (["--json", "-"], "--json - and the result both go to stdout"),
            (["-o", "JSON"], "--output JSON would write a file named 'JSON'"),
            (["--markdown", "md"], "--markdown md would write a file named 'md'"),
        ]
        for (arguments, message) in refusals {
            let result = try await CLIRunner.run(["compare", "1", "2"] + arguments, environment: [:])
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("casediff: error: \(message)"), "\(arguments): \(result.stderr)")
        }
        try await inFolder { folder in
            // --stat shapes a Markdown file even when stdout's format is one it does not shape.
            let markdown = folder.appendingPathComponent("summary.md").path
            let result = try await CLIRunner.run(
                OutputSafetyTests.compare + ["--stat", "-f", "junit", "--markdown", markdown], environment: [:])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("<?xml"))
            #expect(FileManager.default.fileExists(atPath: markdown))
        }
        let path = try await CLIRunner.run(["snapshot", OutputSafetyTests.pair.left, "-o", "x.json"], environment: [:])
        #expect(path.status == 64)
        #expect(path.stderr.contains("Usage: casediff snapshot"), "\(path.stderr)")
    }

    /// `--color always` colours a pipe (for `less -R`), even under NO_COLOR; `never` and NO_COLOR with `auto` do not.
    @Test func colorIsTheUsersChoice() async throws {
        let compare = OutputSafetyTests.compare
        let always = try await CLIRunner.run(compare + ["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.status == 1, "\(always.stderr)")
        #expect(always.stdout.contains("\u{1B}["))
        for choice in ["never", "auto"] {
            let plain = try await CLIRunner.run(compare + ["--color", choice], environment: ["NO_COLOR": "1"])
            #expect(plain.status == 1, "\(plain.stderr)")
            #expect(!plain.stdout.contains("\u{1B}["), "\(choice)")
        }
        let wrong = try await CLIRunner.run(compare + ["--color", "sometimes"], environment: [:])
        #expect(wrong.status == 64)
    }

    /// A host that refuses the connection is named, so a typo in the URL shows.
    @Test func anUnreachableHostIsNamed() async throws {
        let result = try await CLIRunner.run(
            ["compare", "1", "2", "--url", "http://127.0.0.1:1", "--user", "u@x.test", "--no-store", "--retries", "0"],
            environment: ["TESTRAIL_API_KEY": Self.key])
        expectOneErrorLine(result, containing: "cannot reach TestRail at http://127.0.0.1:1/: connection refused")
    }

    /// `snapshot --reproducible` of an unchanged project gives the same bytes twice, its time the data's last
    /// change; a snapshot side is named in the header by its file and time, not only by its project.
    @Test func reproducibleSnapshotsAndTheirNameInTheHeader() async throws {
        try await TestRailSimulator.withRunning(dataset: Self.dataset, configuration: Self.configuration) { simulator in
            try await inFolder { folder in
                var bytes: [Data] = []
                for name in ["first.json", "second.json"] {
                    let path = folder.appendingPathComponent(name).path
                    let result = try await CLIRunner.run(
                        ["snapshot", "1", "-o", path, "--reproducible", "--no-store", "-q"],
                        environment: environment(simulator))
                    #expect(result.status == 0, "\(result.stderr)")
                    bytes.append(try Data(contentsOf: URL(fileURLWithPath: path)))
                }
                #expect(bytes[0] == bytes[1])
                // The time is the newest case's update in the snapshot itself.
                let snapshot = try #require(try JSONSerialization.jsonObject(with: bytes[0]) as? [String: Any])
                let suites = try #require(snapshot["suites"] as? [[String: Any]])
                let times = suites.flatMap { ($0["cases"] as? [[String: Any]]) ?? [] }
                    .flatMap { [$0["updated_on"], $0["created_on"]].compactMap { $0 as? Int } }
                let newest = try #require(times.max())
                let taken = try #require(snapshot["taken_at"] as? String)
                #expect(ISO8601DateFormatter().date(from: taken) == Date(timeIntervalSince1970: TimeInterval(newest)))

                let file = folder.appendingPathComponent("first.json").path
                let compared = try await CLIRunner.run(
                    ["compare", file, "1", "--no-store", "-q"], environment: environment(simulator))
                #expect(compared.status == 0, "\(compared.stderr)")
                let heading = try #require(compared.stdout.split(separator: "\n").first)
                #expect(heading.hasPrefix("Comparing Storefront (P1) from snapshot \(file) (as of "), "\(heading)")
                #expect(heading.contains(" UTC) with Storefront (P1) on "), "\(heading)")
            }
        }
    }

    /// Help texts print no stray backslash (a Swift line continuation written twice).
    @Test func helpHasNoStrayBackslashes() async throws {
        for command in [[], ["compare"], ["snapshot"], ["projects"], ["suites"], ["check"]] {
            let help = try await CLIRunner.run(command + ["--help"], environment: [:])
            #expect(help.status == 0)
            // compare's last example continues a shell line: the only backslash allowed ends a line.
            let stray = help.stdout.split(separator: "\n").filter { $0.dropLast().contains("\\") }
            #expect(stray.isEmpty, "\(command): \(stray)")
        }
    }

    static let resources = ["cases", "suites", "sections", "shared-steps", "fields", "templates"]

    /// The shells complete every closed set of values: match keys, drift kinds, progress modes, colours, rates.
    @Test func completionsOfferTheValues() async throws {
        let result = try await CLIRunner.run(["--generate-completion-script", "bash"], environment: [:])
        #expect(result.status == 0)
        for values in [
            ["title", "path", "id", "field:"],
            ["added", "removed", "changed", "moved", "renamed"] + Self.resources + Self.resources.map { $0 + ":" }
                + ["none"], Self.resources + ["all"],
            ["auto", "live", "plain", "off"], ["auto", "always", "never"], ["cloud", "enterprise", "server"],
            ["table", "json", "markdown", "csv", "junit"],
        ] {
            let list = values.map { "'\($0)'" }.joined(separator: "$'\\n'")
            #expect(result.stdout.contains("__casediff_add_completions -W \(list)"), "\(values)")
        }
    }
}
