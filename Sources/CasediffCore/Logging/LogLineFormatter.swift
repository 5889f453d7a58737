import Foundation
import Logging
import TestRailAPI

/// Turns one log event into one line, in ``LogFormat/text`` or ``LogFormat/json``, with metadata keys sorted so
/// equal events give equal lines; every credential the ``SecretScrubber`` knows is redacted wherever it appears.
///
/// | format | line                                                                                             |
/// |--------|--------------------------------------------------------------------------------------------------|
/// | text   | `2026-11-23T10:00:00.120Z info request bytes=4567 request_id=p30/s12/o500#2 status=200`        |
/// | json   | `{"bytes":4567,"level":"info","message":"request","request_id":"p30/s12/o500#2","status":200,…}` |
public struct LogLineFormatter: Sendable {
    public var format: LogFormat
    /// What must never be written (the key, `user:key`, its base64): server text in a message or an error may
    /// echo them.
    public var scrubber: SecretScrubber

    public init(format: LogFormat, scrubber: SecretScrubber = .none) {
        self.format = format
        self.scrubber = scrubber
    }

    public func line(at time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        // Each value is scrubbed before it is quoted or escaped (a key holding `"` would no longer match after),
        // and the whole line after.
        let message = scrubber.scrub(message)
        let metadata = metadata.mapValues(scrubbed)
        let stamp = time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let line: String
        switch format {
        case .text:
            var text = "\(stamp) \(level) \(message)"
            for key in metadata.keys.sorted() {
                text += " \(key)=\(Self.text(metadata[key]!))"
            }
            line = text
        case .json:
            var object: [String: Any] = ["time": stamp, "level": level.rawValue, "message": message]
            for (key, value) in metadata where object[key] == nil {
                object[key] = Self.json(value)
            }
            let data =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data("{}".utf8)
            line = String(decoding: data, as: UTF8.self)
        }
        return redacted(line)
    }

    func redacted(_ line: String) -> String {
        scrubber.scrub(line)
    }

    private func scrubbed(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        guard !scrubber.isEmpty else { return value }
        switch value {
        case .string(let string): return .string(scrubber.scrub(string))
        case .stringConvertible(let convertible):
            switch convertible {
            case is Int, is Double, is Bool: return value
            default: return .string(scrubber.scrub(convertible.description))
            }
        case .array(let values): return .array(values.map(scrubbed))
        case .dictionary(let values): return .dictionary(values.mapValues(scrubbed))
        }
    }

    /// Text values are quoted only when they hold a space, a quote or `=`.
    static func text(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string):
            let needsQuotes = string.isEmpty || string.contains { $0 == " " || $0 == "\"" || $0 == "=" }
            return needsQuotes ? "\"" + string.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : string
        case .stringConvertible(let convertible):
            return text(.string(convertible.description))
        case .array(let values):
            return "[" + values.map(text).joined(separator: ",") + "]"
        case .dictionary(let values):
            return "{" + values.keys.sorted().map { "\($0)=\(text(values[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// Integers, floating-point numbers and booleans stay numbers and booleans in JSON.
    static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: return number
            case let number as Double: return number
            case let flag as Bool: return flag
            default: return convertible.description
            }
        case .array(let values): return values.map(json)
        case .dictionary(let values): return values.mapValues(json)
        }
    }
}
