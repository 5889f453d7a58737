import TestRailAPI

/// Custom fields in the binary format: a tag byte, then the value. Object keys go in sorted order, so equal
/// values always encode to equal bytes.
extension JSONValue {
    enum Tag: UInt8 {
        case null = 0, `false`, `true`, int, double, string, array, object, number
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .null: writer.byte(Tag.null.rawValue)
        case .bool(let flag): writer.byte(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            writer.byte(Tag.int.rawValue)
            writer.signed(number)
        case .double(let number):
            writer.byte(Tag.double.rawValue)
            writer.double(number)
        case .string(let text):
            writer.byte(Tag.string.rawValue)
            writer.string(text)
        case .number(let text):
            writer.byte(Tag.number.rawValue)
            writer.string(text)
        case .array(let items):
            writer.byte(Tag.array.rawValue)
            writer.unsigned(UInt64(items.count))
            for item in items { item.write(to: &writer) }
        case .object(let fields):
            writer.byte(Tag.object.rawValue)
            writer.unsigned(UInt64(fields.count))
            for key in fields.keys.sorted() {
                writer.string(key)
                fields[key]!.write(to: &writer)
            }
        }
    }

    init(from reader: inout BinaryReader) throws(StoreCodingError) {
        guard let tag = Tag(rawValue: try reader.byte()) else { throw .malformed("unknown value tag") }
        switch tag {
        case .null: self = .null
        case .false: self = .bool(false)
        case .true: self = .bool(true)
        case .int: self = .int(try reader.signed())
        case .double: self = .double(try reader.double())
        case .string: self = .string(try reader.string())
        case .number: self = .number(try reader.string())
        case .array:
            let count = try reader.count()
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try JSONValue(from: &reader)) }
            self = .array(items)
        case .object:
            let count = try reader.count()
            var fields: [String: JSONValue] = [:]
            fields.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.key()
                fields[key] = try JSONValue(from: &reader)
            }
            self = .object(fields)
        }
    }
}
