import Foundation

extension Page where Item: Decodable {
    /// Decodes a list response: the 6.7+ envelope (`offset`, `limit`, `size`, `_links`, items under `itemsKey`)
    /// or a legacy bare array.
    ///
    /// - Parameter requested: the call this answers; its `next` link must stay in the same list
    ///   (``TestRailEndpoint/nextPage(apiPath:after:)``). Every caller that follows links passes it; nil only
    ///   checks the link's form.
    ///
    /// A body whose bytes are not all UTF-8 is decoded again with each bad sequence as U+FFFD, and the page carries a
    /// warning naming each item that had one.
    public static func decode(_ data: Data, itemsKey: String, requested: TestRailEndpoint? = nil) throws -> Page<Item> {
        try decode(data, itemsKey: itemsKey, requested: requested, scanning: true)
    }

    /// - Parameter scanning: false decodes with the reference decoder alone (the tests compare the two).
    static func decode(_ data: Data, itemsKey: String, requested: TestRailEndpoint?, scanning: Bool) throws
        -> Page<Item>
    {
        var page: Page<Item>
        do {
            page = try decodeUTF8(data, itemsKey: itemsKey, requested: requested, scanning: scanning)
        } catch {
            guard let repaired = UTF8Repair.repaired(data) else { throw error }
            page = try decodeUTF8(repaired, itemsKey: itemsKey, requested: requested, scanning: scanning)
            page.warnings = UTF8Repair.warnings(page.items)
        }
        if let requested { try page.checkContinuity(after: requested) }
        return page
    }

    private static func decodeUTF8(_ data: Data, itemsKey: String, requested: TestRailEndpoint?, scanning: Bool)
        throws -> Page<Item>
    {
        func follow(_ link: String) throws -> TestRailEndpoint {
            guard let requested else { return try TestRailEndpoint.nextPage(apiPath: link) }
            return try TestRailEndpoint.nextPage(apiPath: link, after: requested)
        }
        if scanning, let scannable = Item.self as? any JSONScannable.Type {
            func scan<Scanned: JSONScannable>(_: Scanned.Type) -> Page<Item>? {
                Page<Scanned>.scanned(data, itemsKey: itemsKey, follow: follow) as? Page<Item>
            }
            if let page = scan(scannable) { return page }
        }
        return try referenceDecoded(data, itemsKey: itemsKey, follow: follow)
    }

    /// The reference decoder: Foundation's `JSONSerialization` for ``JSONObjectDecodable`` items, `JSONDecoder`
    /// for the rest and for every error. The scanner answers only where it agrees with this (the property tests
    /// hold it to that); anything it does not read comes here.
    static func referenceDecoded(_ data: Data, itemsKey: String, follow: (String) throws -> TestRailEndpoint)
        throws -> Page<Item>
    {
        if let fast = Item.self as? any JSONObjectDecodable.Type,
            let page = try fastDecode(data, itemsKey, fast, follow: follow)
        {
            return page
        }
        let decoder = JSONDecoder()
        guard let first = data.first(where: { !JSONBody.isWhitespace($0) }) else {
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
                next: try envelope.next.map(follow),
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
    /// which classifies whatever is wrong with it. It throws only for a number an integer field cannot hold, which
    /// `JSONDecoder` would call invalid JSON without saying where.
    private static func fastDecode(
        _ data: Data, _ itemsKey: String, _ type: any JSONObjectDecodable.Type,
        follow: (String) throws -> TestRailEndpoint
    ) throws -> Page<Item>? {
        guard let root = try? JSONSerialization.jsonObject(with: data) else { return nil }
        func items(_ list: Any?, path: String) throws -> [Item]? {
            guard let objects = list as? [[String: Any]] else { return nil }
            var result: [Item] = []
            result.reserveCapacity(objects.count)
            for (index, object) in objects.enumerated() {
                let decoded: Any
                do {
                    decoded = try type.init(jsonObject: object)
                } catch let error as UnholdableNumber {
                    throw TestRailError.malformedResponse(
                        "a value casediff cannot hold at \(path)[\(index)].\(error.field)")
                } catch {
                    return nil
                }
                guard let item = decoded as? Item else { return nil }
                result.append(item)
            }
            return result
        }
        if let array = root as? [Any] {
            guard let list = try items(array, path: "") else { return nil }
            return Page(items: list, offset: 0, limit: list.count, size: list.count, next: nil, isLegacy: true)
        }
        guard let envelope = root as? [String: Any], let list = try items(envelope[itemsKey], path: "." + itemsKey)
        else { return nil }
        let links = envelope["_links"] as? [String: Any]
        var next: TestRailEndpoint?
        if let link = links?["next"] as? String {
            guard let parsed = try? follow(link) else { return nil }
            next = parsed
        }
        return Page(
            items: list, offset: JSONObjectField.int(envelope, "offset") ?? 0,
            limit: JSONObjectField.int(envelope, "limit") ?? list.count,
            size: JSONObjectField.int(envelope, "size") ?? list.count, next: next,
            previous: (links?["prev"] as? String).flatMap { try? TestRailEndpoint(apiPath: $0) }, isLegacy: false)
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
