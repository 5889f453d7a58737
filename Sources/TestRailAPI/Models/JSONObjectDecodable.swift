import Foundation

/// A model that can be built from a `JSONSerialization` object as well as through `Decodable`.
///
/// Large lists take this path: `JSONDecoder` reports every failed type probe of an untyped value (`JSONValue`) by
/// building a `DecodingError`, which made a page of 250 cases with custom fields about three times slower to
/// decode. `JSONSerialization` parses once into plain values and the model picks what it needs.
public protocol JSONObjectDecodable {
    /// Builds the model from one JSON object; throws ``TestRailError/malformedResponse(_:)`` for missing fields.
    init(jsonObject: [String: Any]) throws
}

extension JSONValue {
    /// The value of a `JSONSerialization` result. Booleans arrive as `NSNumber` with type code `c`.
    public init(jsonObject value: Any) {
        switch value {
        case let string as String:
            self = .string(string)
        case let number as NSDecimalNumber:
            // JSONSerialization's form for integers beyond 64 bits.
            if let value = Int64(number.stringValue) {
                self = .int(value)
            } else if let text = Self.largeInteger(number.decimalValue) {
                self = .number(text)
            } else {
                self = .double(number.doubleValue)
            }
        case let number as NSNumber:
            let type = UInt8(bitPattern: number.objCType.pointee)
            if type == UInt8(ascii: "c") || type == UInt8(ascii: "B") {
                self = .bool(number.boolValue)
            } else if type == UInt8(ascii: "d") || type == UInt8(ascii: "f") {
                let double = number.doubleValue
                self = double.rounded() == double && abs(double) < 1e15 ? .int(Int64(double)) : .double(double)
            } else if type == UInt8(ascii: "Q"), Int64(exactly: number.uint64Value) == nil {
                // 2⁶³ … 2⁶⁴−1: int64Value would wrap it to a negative number.
                self = .number(String(number.uint64Value))
            } else {
                self = .int(number.int64Value)
            }
        case let array as [Any]:
            self = .array(array.map(JSONValue.init(jsonObject:)))
        case let object as [String: Any]:
            self = .object(object.mapValues(JSONValue.init(jsonObject:)))
        default:
            self = .null
        }
    }
}
