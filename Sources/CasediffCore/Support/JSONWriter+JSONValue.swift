import TestRailAPI

extension JSONWriter {
    /// Writes a value as `JSONValue`'s `Encodable` conformance has `JSONEncoder` write it: an object's members in
    /// `.sortedKeys` order, `.number` text as its `Decimal`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite double, or containers nested deeper than
    ///   ``JSONWriter/maximumDepth`` (where `JSONEncoder` throws too).
    mutating func value(_ value: JSONValue) throws {
        switch value {
        case .null: null()
        case .bool(let value): bool(value)
        case .int(let value): int(value)
        case .double(let value): try double(value)
        case .number(let text): decimal(text)
        case .string(let value): string(value)
        case .array(let elements):
            try checkDepth(value)
            beginArray()
            for element in elements { try self.value(element) }
            endArray()
        case .object(let members):
            try checkDepth(value)
            beginObject()
            for (key, member) in members.sorted(by: { Self.precedes($0.key, $1.key) }) {
                self.key(key)
                try self.value(member)
            }
            endObject()
        }
    }

    private func checkDepth(_ value: JSONValue) throws {
        guard depth + 1 < Self.maximumDepth else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Too many nested arrays or dictionaries."))
        }
    }
}
