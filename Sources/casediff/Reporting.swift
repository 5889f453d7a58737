import CasediffCore
import Foundation
import Logging
import TestRailAPI

/// One run's reporting, set up from ``ReportingOptions``: the stderr ``Console``, the logger (log file and, with
/// `--verbose`, stderr), and the observer the engine reports to (request log and progress tracker).
///
/// ``withProgress(_:)`` is a scope around the fetch: the progress display runs beside it in one task group and is
/// cancelled and erased when the fetch ends, however it ends, before anything is written to stdout.
final class Reporting: Sendable {
    let console: Console
    /// The run's credentials in every form: redacted from every line, log entry and file this run writes.
    let scrubber: SecretScrubber
    let logger: Logger
    /// nil when nothing listens (no progress, no log): the engine then skips building progress reports.
    let observer: (any FetchObserver)?
    let quiet: Bool
    private let mode: ProgressDisplay.Mode?
    private let tracker: ProgressTracker?
    private let file: FileLogOutput?
    private let environment: [String: String]
    private let color: ColorMode

    /// Opens the log file, if any; what `scrubber` knows is redacted from every line.
    convenience init(_ options: ReportingOptions, environment: [String: String], scrubber: SecretScrubber) throws {
        try self.init(
            display: options.displayMode(environment: environment), quiet: options.quiet, log: options.log,
            environment: environment, scrubber: scrubber, color: options.color)
    }

    init(
        display: ProgressDisplay.Mode?, quiet: Bool, log: LogOptions, environment: [String: String],
        scrubber: SecretScrubber, color: ColorMode = .auto
    ) throws {
        self.color = color
        self.scrubber = scrubber
        console = Console(scrubber: scrubber)
        var handlers: [any LogHandler] = []
        file = try log.logFile.map { try FileLogOutput(path: $0) }
        if let file {
            handlers.append(
                CasediffLogHandler(
                    output: file, formatter: LogLineFormatter(format: log.logFormat, scrubber: scrubber),
                    level: log.verbose ? .debug : .info))
        }
        if log.verbose {
            handlers.append(
                CasediffLogHandler(
                    output: console, formatter: LogLineFormatter(format: .text, scrubber: scrubber), level: .info))
        }
        let all = handlers
        logger = Logger(label: "casediff") { _ in
            all.isEmpty ? SwiftLogNoOpLogHandler() as any LogHandler : MultiplexLogHandler(all)
        }
        var observers: [any FetchObserver] = handlers.isEmpty ? [] : [RequestLog(logger: logger)]
        mode = display
        tracker = mode.map { _ in ProgressTracker() }
        if let tracker { observers.append(tracker) }
        observer = observers.isEmpty ? nil : FetchObservers(observers)
        self.quiet = quiet
        self.environment = environment
    }

    func close() {
        file?.close()
    }

    /// Closes the log file and reports a write that failed on it: a run whose log is incomplete does not end well.
    func finish() throws {
        close()
        try file?.check()
    }

    /// Writes a result to `path` (`-`: stdout) through the scrubber (``OutputFile``).
    func write(_ data: Data, to path: String) throws {
        try OutputFile.write(data, to: path, scrubber: scrubber)
    }

    /// Writes a result that comes in pieces (``OutputFile/write(to:scrubber:produce:)``).
    func write(to path: String, produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        try OutputFile.write(to: path, scrubber: scrubber, produce: produce)
    }

    /// Runs the fetch with the progress display beside it; a failure is logged (`run failed`) and rethrown.
    func withProgress<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let mode, let tracker {
                let display = ProgressDisplay(
                    mode: mode, tracker: tracker, console: console, environment: environment, color: color)
                group.addTask { await display.run() }
            }
            func stopDisplay() async {
                group.cancelAll()
                while (try? await group.next()) != nil {}
                console.clear()
                // A log or CI console gets the final figures even when the run took less than one interval.
                if mode == .plain, let tracker {
                    console.write(line: "casediff: " + ProgressRenderer(style: .plain).plainLine(await tracker.view()))
                }
            }
            do {
                let value = try await body()
                await stopDisplay()
                return value
            } catch {
                await stopDisplay()
                logger.error("run failed", metadata: ["error": "\(error)"])
                throw error
            }
        }
    }

    /// A `casediff: …` line on stderr, unless `--quiet`.
    func note(_ line: String) {
        if !quiet { console.write(line: "casediff: \(line)") }
    }

    /// `casediff: warning: …` lines on stderr for what was repaired while fetching, even with `--quiet`.
    func warn(_ lines: [String]) {
        for line in lines { console.write(line: "casediff: warning: \(line)") }
    }

    /// Logs the run's figures at the end (`run finished`).
    func logSummary(_ metrics: FetchMetrics?, rate: RateChoice?, extra: Logger.Metadata = [:]) {
        var metadata = metrics?.logMetadata ?? ["requests": .stringConvertible(0)]
        if let rate { metadata["rate_limit"] = "\(rate.profile)" }
        metadata.merge(extra) { $1 }
        logger.info("run finished", metadata: metadata)
    }
}
