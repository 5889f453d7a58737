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

    @Option(help: "What to print on stdout: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Also write the JSON diff to this file.")
    var output: String?

    @Flag(help: "Print no statistics on stderr.")
    var quiet = false

    func run() async throws {
        let client = try connection.client(environment: ProcessInfo.processInfo.environment)
        let job = CompareJob(client: client, left: ProjectReference(left), right: ProjectReference(right))
        let started = ContinuousClock.now
        let result = try await Interrupts.cancellingOnSignals { try await job.run() }
        let elapsed = ContinuousClock.now - started

        let json = try JSONRenderer().render(result.report)
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
            let stats = result.statistics
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var line =
                "casediff: fetched \(stats.cases) cases in \(stats.suites) suites with \(stats.requests) requests"
            line += String(format: " in %.2f s", seconds)
            if let output { line += "; JSON diff written to \(output)" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        throw ExitCode(result.report.hasDrift ? ExitStatus.drift : ExitStatus.same)
    }
}
