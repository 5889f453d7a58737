import Foundation

extension Page where Item: JSONScannable {
    /// The page read by ``JSONScanner``: the envelope (or a legacy bare array) and its items, straight from the
    /// bytes. Nil when the scanner meets a form it leaves to the reference decoder (``ScanFallback``).
    static func scanned(_ data: Data, itemsKey: String, follow: (String) throws -> TestRailEndpoint) -> Page<Item>? {
        let itemsName = Array(itemsKey.utf8)
        return data.withUnsafeBytes { bytes -> Page<Item>? in
            var scanner = JSONScanner(bytes)
            do throws(ScanFallback) {
                let page = try scan(&scanner, itemsName: itemsName, follow: follow)
                try scanner.expectEnd()
                return page
            } catch {
                return nil
            }
        }
    }

    private static func scan(
        _ scanner: inout JSONScanner, itemsName: [UInt8], follow: (String) throws -> TestRailEndpoint
    ) throws(ScanFallback) -> Page<Item> {
        if try scanner.peek() == UInt8(ascii: "[") {
            let list = try items(&scanner)
            return Page(items: list, offset: 0, limit: list.count, size: list.count, next: nil, isLegacy: true)
        }
        var list: [Item]?
        var offset: Int?
        var limit: Int?
        var size: Int?
        var next: TestRailEndpoint?
        var previous: TestRailEndpoint?
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            if key.matches(itemsName) {
                list = try items(&scanner)
            } else if key.is("offset") {
                offset = try scanner.integer()
            } else if key.is("limit") {
                limit = try scanner.integer()
            } else if key.is("size") {
                size = try scanner.integer()
            } else if key.is("_links") {
                (next, previous) = try links(&scanner, follow: follow)
            } else {
                try scanner.skipValue()
            }
        }
        guard let list else { throw ScanFallback() }
        return Page(
            items: list, offset: offset ?? 0, limit: limit ?? list.count, size: size ?? list.count, next: next,
            previous: previous, isLegacy: false)
    }

    private static func items(_ scanner: inout JSONScanner) throws(ScanFallback) -> [Item] {
        var list: [Item] = []
        list.reserveCapacity(250)
        try scanner.beginArray()
        var first = true
        while try scanner.nextElement(&first) {
            list.append(try Item(scanning: &scanner))
        }
        return list
    }

    /// `_links`: a `next` that does not follow on from the request is the reference's to report.
    private static func links(_ scanner: inout JSONScanner, follow: (String) throws -> TestRailEndpoint)
        throws(ScanFallback) -> (next: TestRailEndpoint?, previous: TestRailEndpoint?)
    {
        var next: TestRailEndpoint?
        var previous: TestRailEndpoint?
        if try scanner.skipNull() { return (nil, nil) }
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            if key.is("next") {
                next = try scanner.optionalString().map { (link) throws(ScanFallback) in
                    do { return try follow(link) } catch { throw ScanFallback() }
                }
            } else if key.is("prev") {
                previous = try scanner.optionalString().flatMap { try? TestRailEndpoint(apiPath: $0) }
            } else {
                try scanner.skipValue()
            }
        }
        return (next, previous)
    }
}
