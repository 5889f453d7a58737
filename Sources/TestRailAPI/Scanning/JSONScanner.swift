import Foundation

/// A forward-only reader over the bytes of a JSON document, for the list pages that carry almost all of a run's
/// data: it goes from bytes to the model directly, with no intermediate tree and no `Any`.
///
/// It reads the forms TestRail sends and nothing more. Anything else — an escaped key, an integer of 19 digits or
/// more, a fraction written in more than 15 characters, bytes that are not UTF-8, a trailing comma, a lone
/// surrogate — throws
/// ``ScanFallback``, and the page is decoded again by the reference decoder (`JSONSerialization`), which decides what
/// the document means or which error it is. So wherever the scanner answers, its answer is the reference's; where
/// the reference is lenient or fails, the scanner never is.
///
/// Use it inside `withUnsafeBytes`: it holds a pointer into the body, not a copy.
struct JSONScanner {
    /// The body; `index` is the next byte to read.
    let bytes: UnsafeRawBufferPointer
    var index = 0
    private var depth = 0
    /// Field names seen on this page, so that 250 cases share one `String` per custom field name.
    private var names: [(bytes: [UInt8], name: String)] = []

    /// Nesting deeper than this falls back (the reference refuses 512 levels; the scanner need not come close).
    static let maximumDepth = 128

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// The next byte that is not white space, not consumed; throws at the end of the body.
    mutating func peek() throws(ScanFallback) -> UInt8 {
        while index < bytes.count {
            let byte = bytes[index]
            guard JSONBody.isWhitespace(byte) else { return byte }
            index += 1
        }
        throw ScanFallback()
    }

    /// Consumes `byte` (after white space) or throws.
    mutating func expect(_ byte: UInt8) throws(ScanFallback) {
        guard try peek() == byte else { throw ScanFallback() }
        index += 1
    }

    /// Throws unless only white space is left.
    mutating func expectEnd() throws(ScanFallback) {
        do {
            _ = try peek()
        } catch {
            return
        }
        throw ScanFallback()
    }

    /// Opens an object: `{`.
    mutating func beginObject() throws(ScanFallback) {
        try expect(UInt8(ascii: "{"))
        try enter()
    }

    /// The next key of the open object, its `:` consumed; nil after the closing `}`. `first` is true before the
    /// first key and is kept by the scanner.
    mutating func nextKey(_ first: inout Bool) throws(ScanFallback) -> JSONKey? {
        var byte = try peek()
        if byte == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return nil
        }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw ScanFallback() }
            index += 1
            byte = try peek()
        }
        guard byte == UInt8(ascii: "\"") else { throw ScanFallback() }
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            // Escaped, control or non-ASCII names are not TestRail's: the reference decides.
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { throw ScanFallback() }
            index += 1
        }
        guard index < bytes.count else { throw ScanFallback() }
        let key = JSONKey(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Opens an array: `[`.
    mutating func beginArray() throws(ScanFallback) {
        try expect(UInt8(ascii: "["))
        try enter()
    }

    /// Whether another element follows in the open array (its `,` consumed); false after the closing `]`.
    mutating func nextElement(_ first: inout Bool) throws(ScanFallback) -> Bool {
        let byte = try peek()
        if byte == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw ScanFallback() }
            index += 1
        }
        return true
    }

    /// Consumes `null` if it comes next.
    mutating func skipNull() throws(ScanFallback) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func enter() throws(ScanFallback) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw ScanFallback() }
    }

    /// Consumes `word` (`null`, `true`, `false`) or throws.
    mutating func literal(_ word: StaticString) throws(ScanFallback) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count,
            memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        else { throw ScanFallback() }
        index += count
    }

    // MARK: Values

    /// A string value.
    mutating func string() throws(ScanFallback) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var high: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let span = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try Self.text(span, ascii: high < 0x80)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw ScanFallback() }
            high |= byte
            index += 1
        }
        throw ScanFallback()
    }

    /// A string or null.
    mutating func optionalString() throws(ScanFallback) -> String? {
        try skipNull() ? nil : string()
    }

    /// An integer field as `JSONObjectField.int` reads it: an integer, null, or a string holding an integer; a
    /// whole number written as a fraction (`5.0`, `5e0`) is that integer, as it is for the reference. Any other
    /// fraction, a number of 19 digits or more, or any other value falls back.
    mutating func integer() throws(ScanFallback) -> Int? {
        switch try peek() {
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        case UInt8(ascii: "\""):
            return Int(try string())
        default:
            guard case .int(let value) = try number() else { throw ScanFallback() }
            return Int(value)
        }
    }

    /// `true`, `false` or a number, as `NSNumber.boolValue` reads it; null is false.
    mutating func flag() throws(ScanFallback) -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        case UInt8(ascii: "n"):
            try literal("null")
            return false
        default:
            guard case .int(let value) = try number() else { throw ScanFallback() }
            return value != 0
        }
    }

    /// Any value, as ``JSONValue/init(jsonObject:)`` builds it from the reference's result.
    mutating func value() throws(ScanFallback) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "{"):
            try beginObject()
            var fields: [String: JSONValue] = [:]
            var first = true
            while let key = try nextKey(&first) {
                fields[name(key)] = try value()
            }
            return .object(fields)
        case UInt8(ascii: "["):
            try beginArray()
            var items: [JSONValue] = []
            var first = true
            while try nextElement(&first) {
                items.append(try value())
            }
            return .array(items)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return try number()
        }
    }

    /// Reads past any value, checking it as strictly as ``value()`` would.
    mutating func skipValue() throws(ScanFallback) {
        switch try peek() {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"):
            try beginObject()
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            var first = true
            while try nextElement(&first) { try skipValue() }
        default:
            _ = try value()
        }
    }

    /// The field name of `key` as a shared `String`.
    mutating func name(_ key: JSONKey) -> String {
        for entry in names where key.matches(entry.bytes) {
            return entry.name
        }
        let name = String(decoding: key.bytes, as: UTF8.self)
        if names.count < 64 { names.append((Array(key.bytes), name)) }
        return name
    }
}
