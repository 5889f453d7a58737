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

    @Flag(help: "Print no statistics on stderr.")
    var quiet = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let leftSource = try SideArgument(text: left).source()
        let rightSource = try SideArgument(text: right).source()
        let needsServer = [leftSource, rightSource].contains { if case .live = $0 { true } else { false } }
        let client = needsServer ? try connection.client(environment: environment, offline: storage.offline) : nil
        let result = try await storage.withStore(environment: environment, needed: needsServer) { store in
            let job = CompareJob(
                client: client, left: leftSource, right: rightSource,
                options: .init(
                    controller: fetch.controller, rate: fetch.rate, comparison: comparison.options,
                    store: store, incremental: storage.incremental))
            return try await Interrupts.cancellingOnSignals { try await job.run() }
        }

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
        if !quiet {
            var parts: [String] = []
            if let metrics = result.metrics, let rate = result.rate {
                parts.append("fetched \(metrics.summary); rate limit \(rate)")
                if let warning = metrics.storeWarning { parts.append("warning: the store failed: \(warning)") }
            } else {
                parts.append("compared two snapshots; nothing fetched")
            }
            for (format, path) in outputs.files { parts.append("\(format.rawValue) written to \(path)") }
            Self.note(parts.joined(separator: "; "))
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

    static func note(_ line: String) {
        FileHandle.standardError.write(Data("casediff: \(line)\n".utf8))
    }
}
