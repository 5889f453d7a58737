import ArgumentParser
import CasediffCore
import Foundation
import Logging
import TestRailAPI

/// `casediff compare LEFT RIGHT`: fetch both projects completely and report their drift.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two projects: suites by name, cases by title (or path, id or a field).",
        discussion: """
            LEFT is the baseline: cases only in LEFT are 'removed', only in RIGHT 'added'; a case in another \
            section is 'moved', one under a near title in the same section 'renamed'.

            Either side may be a snapshot file (an argument ending in .json or containing /) written by \
            'casediff snapshot': a CI job keeps its baseline in the repository.

            Exit codes: 0 no drift, 1 drift (as --fail-on defines it), 2 error or incomplete data.

            Examples:
              casediff compare 1 2 --url https://example.testrail.io
              casediff compare baseline/shop.json 1 --fail-on added,removed,changed
              casediff compare Shop "Shop (copy)" --match field:automation_id \\
                --fail-on added,removed --junit drift.xml --json drift.json
            """
    )

    @Argument(help: "The baseline: a project (id, P<id> or name) or a snapshot file.")
    var left: String

    @Argument(help: "The project compared with it (id, P<id> or name) or a snapshot file.")
    var right: String

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var fetch: FetchOptions

    @OptionGroup var storage: StoreOptions

    @OptionGroup var comparison: ComparisonFlags

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var reporting: ReportingOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let leftSource = try SideArgument(text: left).source()
        let rightSource = try SideArgument(text: right).source()
        let needsServer = [leftSource, rightSource].contains { if case .live = $0 { true } else { false } }
        let settings =
            needsServer
            ? try connection.settings(environment: environment, rate: fetch.rate, concurrency: fetch.concurrency) : nil
        let client = try settings.map { try connection.client($0, offline: storage.offline) }
        let reporting = try Reporting(
            self.reporting, environment: environment, secrets: [settings?.apiKey?.value].compactMap { $0 })
        defer { reporting.close() }
        let result = try await reporting.withProgress {
            try await storage.withStore(environment: environment, needed: needsServer) { store in
                let job = CompareJob(
                    client: client, left: leftSource, right: rightSource,
                    options: .init(
                        controller: settings.map(fetch.controller) ?? .init(), rate: settings?.rate?.value,
                        comparison: comparison.options, store: store, incremental: storage.incremental,
                        observer: reporting.observer))
                return try await Interrupts.cancellingOnSignals { try await job.run() }
            }
        }
        try write(result, environment: environment, reporting: reporting)
        reporting.logSummary(
            result.metrics, rate: result.rate, extra: ["drift": .stringConvertible(result.report.hasDrift)])
        throw ExitCode(result.report.hasDrift ? ExitStatus.drift : ExitStatus.same)
    }

    /// Renders the result to stdout and to every file asked for, then prints the statistics line.
    private func write(_ result: CompareJob.Result, environment: [String: String], reporting: Reporting) throws {
        let context = RenderContext(
            toolVersion: CasediffVersion.current,
            generatedAt: outputs.reproducible ? nil : Self.now(environment: environment),
            metrics: outputs.reproducible ? nil : result.metrics, rateProfile: result.rate?.profile)
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
        var parts: [String] = []
        if let metrics = result.metrics, let rate = result.rate {
            parts.append("fetched \(metrics.summary); rate limit \(rate)")
            if let warning = metrics.storeWarning { parts.append("warning: the store failed: \(warning)") }
        } else {
            parts.append("compared two snapshots; nothing fetched")
        }
        for (format, path) in outputs.files { parts.append("\(format.rawValue) written to \(path)") }
        reporting.note(parts.joined(separator: "; "))
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

}
