import Foundation
import Logging

/// Turns one log event into one line, in ``LogFormat/text`` or ``LogFormat/json``, with metadata keys sorted so
/// equal events give equal lines; every configured secret is replaced by `***` wherever it appears.
///
/// | format | line                                                                                             |
/// |--------|--------------------------------------------------------------------------------------------------|
/// | text   | `2026-11-23T10:00:00.120Z info request bytes=4567 request_id=p30/s12/o500#2 status=200`        |
/// | json   | `{"bytes":4567,"level":"info","message":"request","request_id":"p30/s12/o500#2","status":200,…}` |
public struct LogLineFormatter: Sendable {
    public var format: LogFormat
    /// Strings that must never be written (the API key): the last line of defence behind never logging them.
    public var secrets: [String]

    public init(format: LogFormat, secrets: [String] = []) {
        self.format = format
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    public func line(at time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
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
        secrets.reduce(line) { $0.replacingOccurrences(of: $1, with: "***") }
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
