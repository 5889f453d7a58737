import Foundation

/// Turns a decoding failure into a message that says what was wrong with the body.
public enum JSONBody {
    static func classify(_ error: any Error, data: Data) -> TestRailError {
        if opening(data) == .html {
            return .htmlPage(bytes: data.count, transient: false)
        }
        let problem = describe(error, data: data)
        return isCut(data) ? .truncatedResponse(problem) : .malformedResponse(problem)
    }

    /// What a body opens with: JSON (`{` or `[`), an HTML page, or anything else.
    enum Opening: Sendable, Hashable {
        case json, html, other
    }

    /// A page may open with a byte-order mark or a PHP notice before its `<html>`: the markers are looked for in
    /// the first 512 bytes.
    static func opening(_ data: Data) -> Opening {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(bom.count) : data[...]
        guard let first = body.first(where: { !isWhitespace($0) }) else { return .other }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
            || head.contains("<body") ? .html : .other
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Nesting deeper than this is refused by the parsers (JSONSerialization stops at 512).
    static let maximumDepth = 512

    /// The deepest nesting of arrays and objects, strings skipped; stops counting past `maximumDepth`.
    static func depth(_ data: Data) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > maximumDepth { return deepest }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// What is wrong with a JSON document that failed to decode, in words: where it was cut short, or which value
    /// is missing or of the wrong type. Files (snapshots) use it as well as responses.
    public static func describe(_ error: any Error, data: Data) -> String {
        if depth(data) > maximumDepth {
            return "the JSON is too deeply nested (more than \(maximumDepth) levels)"
        }
        if isCut(data) {
            return "the JSON ends after \(data.count) bytes"
        }
        switch error {
        case TestRailError.malformedResponse(let detail):
            return detail
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(path(context))"
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            // The document parsed; one value did not fit its field (a number too large for an integer id).
            return "a value casediff cannot hold at \(path(context))"
        case DecodingError.dataCorrupted where (try? JSONSerialization.jsonObject(with: data)) != nil:
            // JSONDecoder calls a number too large for its field invalid JSON, without saying where.
            return "a value casediff cannot hold (a number too large for its field?)"
        case DecodingError.dataCorrupted(let context):
            return "invalid JSON (\(context.debugDescription))"
        default:
            return "invalid JSON (\(data.count) bytes)"
        }
    }

    /// The document does not end with `}` or `]` (trailing white space aside): it was cut short.
    private static func isCut(_ data: Data) -> Bool {
        let last = data.reversed().first(where: { !isWhitespace($0) })
        return last.map { $0 != UInt8(ascii: "}") && $0 != UInt8(ascii: "]") } ?? false
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "the top level" : text
    }
}
