import Foundation
import Logging

/// A swift-log handler that formats with ``LogLineFormatter`` and writes to a ``LogOutput``.
///
/// casediff builds its loggers with this handler directly (no global `LoggingSystem.bootstrap`), so tests and the
/// engine can hold several independent loggers.
public struct CasediffLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    let formatter: LogLineFormatter
    let output: any LogOutput
    let now: @Sendable () -> Date

    public init(
        output: any LogOutput, formatter: LogLineFormatter, level: Logger.Level,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.output = output
        self.formatter = formatter
        logLevel = level
        self.now = now
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        output.write(
            line: formatter.line(at: now(), level: event.level, message: "\(event.message)", metadata: merged))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
