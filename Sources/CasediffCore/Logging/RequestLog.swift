import Foundation
import Logging

/// Writes the engine's events to a swift-log `Logger`: one line per HTTP attempt, carrying its ``RequestID``,
/// status, latency and bytes, and what happens next; warnings as warnings.
///
/// Levels: a success is `info`, a retry or a 429 `notice`, a final failure `error`; a side finishing is `debug`.
public struct RequestLog: FetchObserver {
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Request lines need no progress reports, so a run that only logs never builds them.
    public var wantsProgress: Bool { false }

    public func observe(_ event: FetchEvent) async {
        switch event {
        case .request(let record):
            logger.log(level: Self.level(record.next), "request", metadata: Self.metadata(record))
        case .progress:
            break
        case .warning(let text):
            logger.warning("\(text)")
        }
    }

    static func level(_ next: RequestRecord.Next) -> Logger.Level {
        switch next {
        case .done: return .info
        case .retry, .waitForLimit: return .notice
        case .fail: return .error
        }
    }

    static func metadata(_ record: RequestRecord) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "request_id": "\(record.id)",
            "call": "\(record.call)",
            "latency_ms": .stringConvertible(Int((record.latency.inSeconds * 1000).rounded())),
            "bytes": .stringConvertible(record.bytes),
        ]
        metadata["status"] = record.status.map { .stringConvertible($0) } ?? "none"
        if let error = record.error { metadata["error"] = "\(error)" }
        if let retryAfter = record.retryAfter {
            metadata["retry_after_s"] = .stringConvertible(retryAfter.inSeconds)
        }
        switch record.next {
        case .done: metadata["next"] = "done"
        case .retry(let delay): metadata["next"] = "\(String(format: "retry in %.2f s", delay.inSeconds))"
        case .waitForLimit: metadata["next"] = "wait for the rate limit"
        case .fail: metadata["next"] = "fail"
        }
        return metadata
    }
}
