import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// `casediff compare LEFT RIGHT`: fetch both projects completely and report their drift.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two projects: suites by name, cases by title.",
        discussion: """
            LEFT is the baseline: cases only in LEFT are 'removed', only in RIGHT 'added'.
            Projects are given by id (12 or P12) or exact name.

            Example:
              casediff compare 1 2 --url https://example.testrail.io --output diff.json
            """
    )

    @Argument(help: "The baseline project (id, P<id> or name).")
    var left: String

    @Argument(help: "The project compared with it (id, P<id> or name).")
    var right: String

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var fetch: FetchOptions

    @Option(help: "What to print on stdout: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Also write the JSON diff to this file.")
    var output: String?

    @Flag(help: "Print no statistics on stderr.")
    var quiet = false

    @Flag(help: "Leave the run's metrics (timings, request counts) out of the JSON, so equal inputs give equal bytes.")
    var reproducible = false

    func run() async throws {
        let client = try connection.client(environment: ProcessInfo.processInfo.environment)
        let job = CompareJob(
            client: client, left: ProjectReference(left), right: ProjectReference(right),
            options: .init(controller: fetch.controller, rate: fetch.rate))
        let result = try await Interrupts.cancellingOnSignals { try await job.run() }

        let json = try JSONRenderer().render(
            result.report, metrics: reproducible ? nil : result.metrics, rateProfile: job.rateProfile)
        if let output {
            do {
                try json.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CasediffError.output(path: output, detail: error.localizedDescription)
            }
        }
        switch format {
        case .table: FileHandle.standardOutput.write(Data(TableRenderer().render(result.report).utf8))
        case .json: FileHandle.standardOutput.write(json)
        }
        if !quiet {
            var line = "fetched \(result.metrics.summary); rate limit \(job.rateProfile)"
            if fetch.rate == nil { line += " (guessed from the URL; --rate sets it)" }
            if let output { line += "; JSON diff written to \(output)" }
            Self.note(line)
        }
        throw ExitCode(result.report.hasDrift ? ExitStatus.drift : ExitStatus.same)
    }

    private static func note(_ line: String) {
        FileHandle.standardError.write(Data("casediff: \(line)\n".utf8))
    }
}
