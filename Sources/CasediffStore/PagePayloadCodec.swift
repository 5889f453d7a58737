import CasediffCore
import Foundation
import TestRailAPI

/// Turns a decoded answer into a `page` row and back.
///
/// Two payload formats, recorded per row:
///
/// | format | used for                                   | payload                                  |
/// |--------|--------------------------------------------|------------------------------------------|
/// | 1      | projects, suites, case types, priorities,  | the items as JSON (TestRail's own shape) |
/// |        | case fields, templates, milestones, users, |                                          |
/// |        | shared steps (and every page a schema-1    |                                          |
/// |        | store wrote)                               |                                          |
/// | 2      | cases and sections, before labels (0.5)    | no longer read: such pages are refetched |
/// | 3      | cases (with labels) and sections           | the binary format (``BinaryWriter``)     |
///
/// Cases and sections are most of the data; the binary format reads back without a JSON parser, which is what
/// lets a warm-store comparison of two 36 000-case projects finish in well under a second.
enum PagePayloadCodec {
    struct Row: Sendable {
        var itemCount: Int
        var limit: Int
        /// The page's `_links.next`, as an API path.
        var next: String?
        var legacy: Bool
        var format: Int
        var payload: Data
    }

    static let json = 1
    /// Cases and sections in the binary format; format 2 (cases without labels) reads as missing.
    static let binary = 3

    static func encode(_ payload: UnitPayload) throws -> Row {
        switch payload {
        case .project(let project): return try single(project)
        case .caseTypes(let types): return try single(types)
        case .priorities(let priorities): return try single(priorities)
        case .caseFields(let fields): return try single(fields)
        case .templates(let templates): return try single(templates)
        case .milestones(let page): return try jsonPage(page)
        case .sharedSteps(let page): return try jsonPage(page)
        case .users(let page): return try jsonPage(page)
        case .projects(let page): return try jsonPage(page)
        case .suites(let page): return try jsonPage(page)
        case .sections(let page):
            return binaryPage(page) { section, writer in section.write(to: &writer) }
        case .cases(let page):
            return binaryPage(page) { testCase, writer in testCase.write(to: &writer) }
        }
    }

    static func decode(_ resource: PageKey.Resource, offset: Int, row: Row) throws -> UnitPayload {
        switch resource {
        case .project: return .project(try object(row))
        case .caseTypes: return .caseTypes(try object(row))
        case .priorities: return .priorities(try object(row))
        case .caseFields: return .caseFields(try object(row))
        case .templates: return .templates(try object(row))
        case .milestones: return .milestones(try page(row, offset: offset))
        case .sharedSteps: return .sharedSteps(try page(row, offset: offset))
        case .users: return .users(try page(row, offset: offset))
        case .projects: return .projects(try page(row, offset: offset))
        case .suites: return .suites(try page(row, offset: offset))
        case .sections:
            if row.format == json { return .sections(try page(row, offset: offset)) }
            return .sections(
                try binaryItems(row, offset: offset) { reader throws(StoreCodingError) in
                    try Section(from: &reader)
                })
        case .cases:
            if row.format == json { return .cases(try page(row, offset: offset)) }
            return .cases(
                try binaryItems(row, offset: offset) { reader throws(StoreCodingError) in
                    try TestCase(from: &reader)
                })
        }
    }

    // MARK: JSON

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static func single(_ value: some Encodable) throws -> Row {
        Row(itemCount: 1, limit: 0, next: nil, legacy: false, format: json, payload: try encoder.encode(value))
    }

    private static func jsonPage<Item: Encodable>(_ page: Page<Item>) throws -> Row {
        Row(
            itemCount: page.items.count, limit: page.limit, next: page.next?.apiPath, legacy: page.isLegacy,
            format: json, payload: try encoder.encode(page.items))
    }

    private static func object<Value: Decodable>(_ row: Row) throws -> Value {
        guard row.format == json else { throw StoreCodingError.unknownFormat(row.format) }
        return try JSONDecoder().decode(Value.self, from: row.payload)
    }

    private static func page<Item: Decodable & Sendable>(_ row: Row, offset: Int) throws -> Page<Item> {
        guard row.format == json else { throw StoreCodingError.unknownFormat(row.format) }
        return try envelope(JSONDecoder().decode([Item].self, from: row.payload), row: row, offset: offset)
    }

    // MARK: Binary

    private static func binaryPage<Item>(_ page: Page<Item>, write: (Item, inout BinaryWriter) -> Void) -> Row {
        var writer = BinaryWriter(capacity: page.items.count * 256)
        writer.unsigned(UInt64(page.items.count))
        for item in page.items { write(item, &writer) }
        return Row(
            itemCount: page.items.count, limit: page.limit, next: page.next?.apiPath, legacy: page.isLegacy,
            format: binary, payload: writer.data)
    }

    private static func binaryItems<Item: Sendable>(
        _ row: Row, offset: Int, read: (inout BinaryReader) throws(StoreCodingError) -> Item
    ) throws -> Page<Item> {
        guard row.format == binary else { throw StoreCodingError.unknownFormat(row.format) }
        let items = try row.payload.withUnsafeBytes { buffer throws(StoreCodingError) -> [Item] in
            var reader = BinaryReader(buffer)
            let count = try reader.count()
            var items: [Item] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try read(&reader)) }
            guard reader.isAtEnd else { throw StoreCodingError.malformed("bytes after the last item") }
            return items
        }
        return try envelope(items, row: row, offset: offset)
    }

    private static func envelope<Item>(_ items: [Item], row: Row, offset: Int) throws -> Page<Item> {
        guard items.count == row.itemCount else {
            throw StoreCodingError.malformed("\(items.count) items where the row says \(row.itemCount)")
        }
        return Page(
            items: items, offset: offset, limit: row.limit, size: items.count,
            next: try row.next.map { try TestRailEndpoint(apiPath: $0) }, isLegacy: row.legacy)
    }
}
