import Foundation
import Testing

/// A wrong value is a usage error (exit 64) that says what is wrong with it, not "Missing value", and an empty
/// value never silently means "all".
@Suite struct ArgumentValidationTests {
    static var snapshot: String { OutputSafetyTests.pair.left }

    func run(_ arguments: [String]) async throws -> CLIResult {
        try await CLIRunner.run(arguments, environment: ["HOME": FileManager.default.temporaryDirectory.path])
    }

    func expectUsageError(
        _ arguments: [String], _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Missing value"), "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func statIsForTheTableAndMarkdownOnly() async throws {
        try await expectUsageError(
            ["compare", "1", "2", "--stat", "--format", "json"],
            "--stat shapes the table and Markdown; a json result lists every case (drop --stat)")
        try await expectUsageError(["compare", "1", "2", "--stat", "--format", "junit"], "a junit result")
        try await expectUsageError(["compare", "1", "2", "--stat", "-o", "drift.xml"], "a junit result")
    }

    @Test func aNegativeRateSaysWhatARateIs() async throws {
        let reason = "a rate is cloud, enterprise, server or a positive whole number of requests per minute"
        try await expectUsageError(["compare", "1", "2", "--rate", "-5"], "The value '-5' is invalid for '--rate")
        try await expectUsageError(["compare", "1", "2", "--rate", "-5"], reason)
        try await expectUsageError(["compare", "1", "2", "--rate=-5"], reason)
        try await expectUsageError(["compare", "1", "2", "--rate", "0"], reason)
        try await expectUsageError(["projects", "--rate", "-5"], reason)
    }

    @Test func negativeRetriesSayTheRange() async throws {
        try await expectUsageError(
            ["compare", "1", "2", "--retries", "-1"], "--retries must be a whole number from 0 to 20 (got -1)")
        try await expectUsageError(
            ["compare", "1", "2", "--retries=-1"], "--retries must be a whole number from 0 to 20 (got -1)")
    }

    @Test func aNegativeMaxAgeSaysWhatAnAgeIs() async throws {
        let reason = "an age is a whole number of seconds, minutes, hours or days, 0 or more: 30s, 10m, 2h, 1d"
        try await expectUsageError(["compare", "1", "2", "--max-age", "-1h"], reason)
        try await expectUsageError(["compare", "1", "2", "--max-age=-1h"], reason)
        try await expectUsageError(["snapshot", "1", "-o", "x.json", "--max-age", "-1h"], reason)
    }

    @Test func otherNegativeNumbersSayTheirRange() async throws {
        try await expectUsageError(
            ["compare", "1", "2", "--concurrency", "-3"], "--concurrency must be a whole number from 1 to 64 (got -3)")
        try await expectUsageError(
            ["compare", "1", "2", "--timeout", "-3"], "--timeout must be a positive whole number of seconds (got -3)")
        try await expectUsageError(
            ["compare", "1", "2", "--rename-threshold", "-0.5"],
            "--rename-threshold must be a number from 0 to 1 (got -0.5)")
        try await expectUsageError(
            ["compare", "1", "2", "--max-response-size", "0"],
            "--max-response-size must be a whole number of MB from 1 to 4096 (got 0)")
    }

    @Test func resourcesAndFailOnSayWhatTheyAccept() async throws {
        try await expectUsageError(["compare", "1", "2", "--resources", "cases,widgets"], "--resources")
        try await expectUsageError(["compare", "1", "2", "--fail-on", "cases:unchanged"], "--fail-on")
        try await expectUsageError(["compare", "1", "2", "--fail-on", "sideways"], "--fail-on")
        try await expectUsageError(
            ["compare", "1", "2", "--fail-on", "cases:added,fields,templates:removed"],
            "--fail-on names fields,templates, which --resources leaves out; add it: --resources "
                + "cases,sections,fields,templates")
    }

    @Test func anEmptySuiteIsRefusedNotReadAsEverySuite() async throws {
        let reason = "--suite needs a suite's name; leave --suite out to compare every suite"
        try await expectUsageError(["compare", Self.snapshot, Self.snapshot, "--suite", ""], reason)
        try await expectUsageError(["compare", Self.snapshot, Self.snapshot, "--suite", " "], reason)
        try await expectUsageError(["snapshot", "1", "-o", "x.json", "--suite", ""], reason)
    }

    @Test func emptyPathsAndNamesAreRefused() async throws {
        try await expectUsageError(["compare", "1", "2", "--json", ""], "--json is empty")
        try await expectUsageError(["compare", "1", "2", "--log-file", ""], "--log-file is empty")
        try await expectUsageError(["compare", "1", "2", "--url", ""], "--url is empty")
        try await expectUsageError(["snapshot", "1", "--output", ""], "--output is empty")
    }

    /// A password in `TESTRAIL_URL` or `--url` is never echoed, whatever else is wrong with the URL.
    @Test func aPasswordInTheURLIsNeverEchoed() async throws {
        for url in ["http://user:pa55word@ho st/", "ftp://user:pa55word@host/", "user:pa55word@host:8080"] {
            let viaFlag = try await run(["check", "--url", url, "--user", "u"])
            let viaEnvironment = try await CLIRunner.run(
                ["check", "--user", "u"],
                environment: [
                    "HOME": FileManager.default.temporaryDirectory.path, "TESTRAIL_URL": url,
                    "TESTRAIL_API_KEY": "some-key",
                ])
            for result in [viaFlag, viaEnvironment] {
                #expect(result.status == 2, "\(url): \(result.stderr)")
                #expect(result.stderr.hasPrefix("casediff: error: "), "\(url): \(result.stderr)")
                #expect(!result.stderr.contains("pa55word"), "\(url): \(result.stderr)")
            }
        }
    }
}
