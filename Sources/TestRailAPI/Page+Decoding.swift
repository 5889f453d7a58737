import Foundation

extension Page where Item: Decodable {
    /// Decodes a list response: the 6.7+ envelope (`offset`, `limit`, `size`, `_links`, items under `itemsKey`)
    /// or a legacy bare array.
    public static func decode(_ data: Data, itemsKey: String) throws -> Page<Item> {
        if let fast = Item.self as? any JSONObjectDecodable.Type, let page = fastDecode(data, itemsKey, fast) {
            return page
        }
        let decoder = JSONDecoder()
        guard let first = data.first(where: { !Self.isWhitespace($0) }) else {
            throw TestRailError.malformedResponse("the response body is empty")
        }
        do {
            if first == UInt8(ascii: "[") {
                let items = try decoder.decode([Item].self, from: data)
                return Page(
                    items: items, offset: 0, limit: items.count, size: items.count, next: nil, isLegacy: true)
            }
            decoder.userInfo[EnvelopeKey.itemsKey] = itemsKey
            let envelope = try decoder.decode(Envelope.self, from: data)
            return Page(
                items: envelope.items,
                offset: envelope.offset ?? 0,
                limit: envelope.limit ?? envelope.items.count,
                size: envelope.size ?? envelope.items.count,
                next: try envelope.next.map(TestRailEndpoint.nextPage(apiPath:)),
                previous: try? envelope.previous.map(TestRailEndpoint.init(apiPath:)),
                isLegacy: false
            )
        } catch let error as TestRailError {
            throw error
        } catch {
            throw JSONBody.classify(error, data: data)
        }
    }

    /// The `JSONSerialization` path for ``JSONObjectDecodable`` items; nil hands the body to the `Decodable` path,
    /// which classifies whatever is wrong with it.
    private static func fastDecode(
        _ data: Data, _ itemsKey: String, _ type: any JSONObjectDecodable.Type
    ) -> Page<Item>? {
        guard let root = try? JSONSerialization.jsonObject(with: data) else { return nil }
        func items(_ list: Any?) -> [Item]? {
            guard let objects = list as? [[String: Any]] else { return nil }
            var result: [Item] = []
            result.reserveCapacity(objects.count)
            for object in objects {
                guard let item = (try? type.init(jsonObject: object)) as? Item else { return nil }
                result.append(item)
            }
            return result
        }
        if let array = root as? [Any] {
            guard let list = items(array) else { return nil }
            return Page(items: list, offset: 0, limit: list.count, size: list.count, next: nil, isLegacy: true)
        }
        guard let envelope = root as? [String: Any], let list = items(envelope[itemsKey]) else { return nil }
        let links = envelope["_links"] as? [String: Any]
        var next: TestRailEndpoint?
        if let link = links?["next"] as? String {
            guard let parsed = try? TestRailEndpoint.nextPage(apiPath: link) else { return nil }
            next = parsed
        }
        return Page(
            items: list, offset: JSONObjectField.int(envelope, "offset") ?? 0,
            limit: JSONObjectField.int(envelope, "limit") ?? list.count,
            size: JSONObjectField.int(envelope, "size") ?? list.count, next: next,
            previous: (links?["prev"] as? String).flatMap { try? TestRailEndpoint(apiPath: $0) }, isLegacy: false)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private struct Envelope: Decodable {
        var items: [Item]
        var offset: Int?
        var limit: Int?
        var size: Int?
        var next: String?
        var previous: String?

        typealias Key = AnyCodingKey

        struct Links: Decodable {
            var next: String?
            var prev: String?
        }

        init(from decoder: any Decoder) throws {
            let itemsKey = decoder.userInfo[EnvelopeKey.itemsKey] as? String ?? ""
            let container = try decoder.container(keyedBy: Key.self)
            guard container.contains(Key(itemsKey)) else {
                throw TestRailError.malformedResponse("the response has no '\(itemsKey)' list")
            }
            items = try container.decode([Item].self, forKey: Key(itemsKey))
            offset = try container.decodeIfPresent(Int.self, forKey: Key("offset"))
            limit = try container.decodeIfPresent(Int.self, forKey: Key("limit"))
            size = try container.decodeIfPresent(Int.self, forKey: Key("size"))
            let links = try container.decodeIfPresent(Links.self, forKey: Key("_links"))
            next = links?.next
            previous = links?.prev
        }
    }
}

enum EnvelopeKey {
    static let itemsKey = CodingUserInfoKey(rawValue: "casediff.itemsKey")!
}

/// Turns a decoding failure into a message that says what was wrong with the body.
public enum JSONBody {
    static func classify(_ error: any Error, data: Data) -> TestRailError {
        let head = String(decoding: data.prefix(64), as: UTF8.self).lowercased()
        if head.contains("<!doctype html") || head.contains("<html") {
            return .malformedResponse(
                "got an HTML page instead of JSON (\(data.count) bytes); is the URL the TestRail root?")
        }
        let problem = describe(error, data: data)
        return isCut(data) ? .truncatedResponse(problem) : .malformedResponse(problem)
    }

    /// What is wrong with a JSON document that failed to decode, in words: where it was cut short, or which value
    /// is missing or of the wrong type. Files (snapshots) use it as well as responses.
    public static func describe(_ error: any Error, data: Data) -> String {
        if isCut(data) {
            return "the JSON ends after \(data.count) bytes"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return "invalid JSON (\(context.debugDescription))"
        default:
            return "invalid JSON (\(data.count) bytes)"
        }
    }

    /// The document does not end with `}` or `]` (trailing white space aside): it was cut short.
    private static func isCut(_ data: Data) -> Bool {
        let last = data.reversed().first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) })
        return last.map { $0 != UInt8(ascii: "}") && $0 != UInt8(ascii: "]") } ?? false
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "the top level" : text
    }
}
