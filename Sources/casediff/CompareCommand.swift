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

            Either side may be a snapshot file written by 'casediff snapshot' (a CI job keeps its baseline in the \
            repository): an argument that starts like a path (./, ../, /, ~/) or names a file that exists. \
            Anything else is a project: 12, P12 or a name (even one with / or ending in .json).

            A side written PROFILE:PROJECT (source:12, cloud:Storefront) is on that configuration profile's \
            instance, with its own URL, user, key and rate limit: compare a Server project with its Cloud copy \
            in one run. A leading ':' names a project whose name holds a colon (:Release: 2.0).

            Values are compared by what they mean on their own instance: dropdown labels, user emails, milestone \
            and template names, shared steps expanded; attachments all compare equal (--compare-attachments).

            Exit codes: 0 no drift, 1 drift (as --fail-on defines it), 2 error or incomplete data, 64 usage error, \
            130 interrupted (Ctrl-C; 143 for SIGTERM).

            Examples:
              casediff compare 1 2 --url https://example.testrail.io
              casediff compare server:12 cloud:Storefront --json migration.json
              casediff compare baseline/shop.json 1 --fail-on added,removed,changed
              casediff compare Shop "Shop (copy)" --match field:automation_id \\
                --fail-on added,removed --junit drift.xml --json drift.json
            """
    )

    @Argument(help: "The baseline: a project (id, P<id>, name or PROFILE:PROJECT) or a snapshot file.")
    var left: String

    @Argument(help: "The project compared with it (id, P<id>, name or PROFILE:PROJECT) or a snapshot file.")
    var right: String

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var fetch: FetchOptions

    @OptionGroup var storage: StoreOptions

    @OptionGroup var comparison: ComparisonFlags

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var reporting: ReportingOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // Every output is checked before the first request: a long run must not end on a missing directory.
        for (_, path) in outputs.paths { try OutputFile.preflight(path) }
        let arguments = [SideArgument(text: left), SideArgument(text: right)]
        let sides = try SideSources(
            arguments, connection: connection, fetch: fetch, offline: storage.offline, environment: environment)
        let reporting = try Reporting(self.reporting, environment: environment, scrubber: Redaction.current)
        defer { reporting.close() }
        let outputs = Outputs(
            self.outputs, style: Terminal.style(environment: environment, color: self.reporting.color))
        let stream = try ReportStream(renderers: outputs.renderers)
        let result = try await reporting.withProgress {
            try await storage.withStore(environment: environment, needed: sides.needsServer) { store in
                let job = CompareJob(
                    client: sides.client, left: sides.sources[0], right: sides.sources[1],
                    options: .init(
                        controller: sides.settings.map(fetch.controller) ?? fetch.controller(),
                        rate: sides.settings?.rate?.value, comparison: options, store: store,
                        incremental: storage.incremental, observer: reporting.observer,
                        rateGivenBy: sides.settings?.rate?.source.brief))
                do {
                    return try await Interrupts.cancellingOnSignals { try await job.run(streaming: stream) }
                } catch CasediffError.unknownProject(.name(let name), let instance) {
                    // A missing snapshot file looks like a project name; say both.
                    guard arguments.contains(where: { $0.looksLikePath && $0.text == name }) else {
                        throw CasediffError.unknownProject(.name(name), instance: instance)
                    }
                    throw CasediffError.snapshot(
                        path: name, detail: "no such file, and no project of that name on \(instance)")
                }
            }
        }
        ProcessMemory.keepUntilExit(result)
        try write(result, stream: stream, outputs: outputs, environment: environment, reporting: reporting)
        reporting.logSummary(
            result.metrics, rate: result.rate, extra: ["drift": .stringConvertible(result.report.hasDrift)])
        try reporting.finish()
        throw ExitCode(result.report.hasDrift ? ExitStatus.drift : ExitStatus.same)
    }

    /// The comparison options, `--compare-attachments` included.
    private var options: ComparisonOptions {
        var options = comparison.options
        options.compareAttachments = comparison.compareAttachments
        return options
    }

    /// Where each output goes and which renderer writes it: one per file, and stdout's (the files' own when a file
    /// has its format, since files are never the terminal-styled table).
    struct Outputs {
        var renderers: [any SuitePartRenderer] = []
        /// (renderer index, path); the result's (stdout, `-`, unless `--output` names a file) last.
        var targets: [(index: Int, path: String)] = []

        init(_ options: OutputOptions, style: TerminalStyle) {
            var byFormat: [OutputFormat: Int] = [:]
            for (format, path) in options.files {
                if byFormat[format] == nil {
                    byFormat[format] = renderers.count
                    renderers.append(CompareCommand.renderer(format, style: .plain, stat: options.stat))
                }
                targets.append((byFormat[format]!, path))
            }
            let format = options.resultFormat
            if byFormat[format] == nil {
                byFormat[format] = renderers.count
                renderers.append(
                    CompareCommand.renderer(
                        format, style: options.resultPath == "-" ? style : .plain, stat: options.stat))
            }
            targets.append((byFormat[format]!, options.resultPath))
        }
    }

    /// Writes the result to every file asked for and to stdout, each suite by suite from the stream, then prints the
    /// statistics line.
    private func write(
        _ result: CompareJob.Result, stream: ReportStream, outputs: Outputs, environment: [String: String],
        reporting: Reporting
    ) throws {
        let context = RenderContext(
            toolVersion: CasediffVersion.current,
            generatedAt: self.outputs.reproducible ? nil : Self.now(environment: environment),
            metrics: self.outputs.reproducible ? nil : result.metrics, rateProfile: result.rate?.profile,
            rateDescription: result.fetches.count > 1
                ? result.fetches.map { "\($0.sides.map(\.rawValue).joined(separator: "+")): \($0.rate.profile)" }
                    .joined(separator: "; ") : nil)
        for (index, path) in outputs.targets {
            try reporting.write(to: path) { emit in
                try stream.write(index, report: result.report, context: context, to: emit)
            }
        }
        var parts: [String] = []
        for fetch in result.fetches {
            // With two instances, each line says which one it was.
            let which =
                result.fetches.count > 1
                ? "\(fetch.sides.map(\.rawValue).joined(separator: " and ")) \(fetch.instance): " : ""
            parts.append("\(which)fetched \(fetch.metrics.summary); rate limit \(fetch.rate)")
            if let warning = fetch.metrics.storeWarning { parts.append("warning: the store failed: \(warning)") }
            reporting.warn(fetch.metrics.warnings)
        }
        if result.fetches.isEmpty {
            parts.append("compared two snapshots; nothing fetched")
        }
        for (format, path) in self.outputs.files { parts.append("\(format.rawValue) written to \(path)") }
        if self.outputs.resultPath != "-" {
            parts.append("\(self.outputs.resultFormat.rawValue) written to \(self.outputs.resultPath)")
        }
        reporting.note(parts.joined(separator: "; "))
    }

    /// The renderer for a format; `stat` (`--stat`) leaves the differences out of the table and Markdown.
    static func renderer(_ format: OutputFormat, style: TerminalStyle, stat: Bool = false) -> any SuitePartRenderer {
        switch format {
        case .table: return TableRenderer(style: style, summaryOnly: stat)
        case .json: return JSONRenderer()
        case .markdown: return MarkdownRenderer(summaryOnly: stat)
        case .csv: return CSVRenderer()
        case .junit: return JUnitRenderer()
        case .html: return HTMLRenderer()
        }
    }

    /// Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention).
    static func now(environment: [String: String]) -> Date {
        environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

}
