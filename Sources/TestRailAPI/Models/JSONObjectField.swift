import Foundation

/// Field readers for `JSONSerialization` objects, matching what the `Decodable` path accepts.
enum JSONObjectField {
    static func int(_ object: [String: Any], _ key: String) -> Int? {
        int(object[key] as Any)
    }

    /// Nil for a number no `Int` holds (`1e+308`, `2**70`), never a wrapped or truncated value.
    static func int(_ value: Any) -> Int? {
        switch value {
        case let number as NSDecimalNumber: return Int(number.stringValue)
        case let number as NSNumber:
            let type = UInt8(bitPattern: number.objCType.pointee)
            if type == UInt8(ascii: "d") || type == UInt8(ascii: "f") { return Int(exactly: number.doubleValue) }
            if type == UInt8(ascii: "Q") { return Int(exactly: number.uint64Value) }
            return number.intValue
        case let string as String: return Int(string)
        default: return nil
        }
    }
}
