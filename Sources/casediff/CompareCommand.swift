import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// `casediff compare LEFT RIGHT`: fetch both projects completely and report their drift.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two projects: suites by name, cases by title (or path, id or a field).",
        discussion: """
            LEFT is the baseline: cases only in LEFT are 'removed', only in RIGHT 'added'; a case in another \
            section is 'moved', one under a near title in the same section 'renamed'.

            Exit codes: 0 no drift, 1 drift (as --fail-on defines it), 2 error or incomplete data.

            Examples:
              casediff compare 1 2 --url https://example.testrail.io
              casediff compare Shop "Shop (copy)" --match field:automation_id \\
                --fail-on added,removed --junit drift.xml --json drift.json
            """
    )

    @Argument(help: "The baseline project (id, P<id> or name).")
    var left: String

    @Argument(help: "The project compared with it (id, P<id> or name).")
    var right: String

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var fetch: FetchOptions

    @OptionGroup var comparison: ComparisonFlags

    @OptionGroup var outputs: OutputOptions

    @Flag(help: "Print no statistics on stderr.")
    var quiet = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let client = try connection.client(environment: environment)
        let job = CompareJob(
            client: client, left: ProjectReference(left), right: ProjectReference(right),
            options: .init(controller: fetch.controller, rate: fetch.rate, comparison: comparison.options))
        let result = try await Interrupts.cancellingOnSignals { try await job.run() }

        let context = RenderContext(
            toolVersion: CasediffVersion.current,
            generatedAt: outputs.reproducible ? nil : Self.now(environment: environment),
            metrics: outputs.reproducible ? nil : result.metrics, rateProfile: job.rateProfile)
        // Each format is rendered once: stdout reuses a file's bytes (files are never the terminal-styled table).
        var rendered: [OutputFormat: Data] = [:]
        for (format, path) in outputs.files {
            let data = try Self.render(result.report, as: format, context: context, style: .plain)
            rendered[format] = data
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CasediffError.output(path: path, detail: error.localizedDescription)
            }
        }
        let style = Terminal.style(environment: environment)
        FileHandle.standardOutput.write(
            try rendered[outputs.format]
                ?? Self.render(result.report, as: outputs.format, context: context, style: style))
        if !quiet {
            var line = "fetched \(result.metrics.summary); rate limit \(job.rateProfile)"
            if fetch.rate == nil { line += " (guessed from the URL; --rate sets it)" }
            for (format, path) in outputs.files { line += "; \(format.rawValue) written to \(path)" }
            Self.note(line)
        }
        throw ExitCode(result.report.hasDrift ? ExitStatus.drift : ExitStatus.same)
    }

    static func render(
        _ report: ComparisonReport, as format: OutputFormat, context: RenderContext, style: TerminalStyle
    )
        throws -> Data
    {
        switch format {
        case .table: return Data(TableRenderer(style: style).render(report).utf8)
        case .json: return try JSONRenderer().render(report, context: context)
        case .markdown: return Data(MarkdownRenderer().render(report).utf8)
        case .csv: return Data(try CSVRenderer().render(report).utf8)
        case .junit: return Data(JUnitRenderer().render(report).utf8)
        }
    }

    /// Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention).
    static func now(environment: [String: String]) -> Date {
        environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

    private static func note(_ line: String) {
        FileHandle.standardError.write(Data("casediff: \(line)\n".utf8))
    }
}
