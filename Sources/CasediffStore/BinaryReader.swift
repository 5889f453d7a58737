import Foundation

/// Reads what ``BinaryWriter`` wrote, from a borrowed buffer; every read is bounds-checked, so a damaged row
/// throws instead of trapping.
struct BinaryReader {
    private let buffer: UnsafeRawBufferPointer
    private var position = 0
    /// Field names already read, by their bytes: every case of a page repeats the same few names, and a name of
    /// more than 15 bytes would otherwise cost an allocation each time.
    private var keys: [(bytes: UnsafeRawBufferPointer, name: String)] = []

    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    var isAtEnd: Bool { position == buffer.count }

    mutating func byte() throws(StoreCodingError) -> UInt8 {
        guard position < buffer.count else { throw .truncated }
        defer { position += 1 }
        return buffer[position]
    }

    mutating func unsigned() throws(StoreCodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .malformed("varint too long") }
            result |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(StoreCodingError) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(StoreCodingError) -> Int {
        Int(truncatingIfNeeded: try signed())
    }

    /// Bytes not read yet.
    var remaining: Int { buffer.count - position }

    mutating func count() throws(StoreCodingError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(buffer.count - position) else { throw .truncated }
        return Int(value)
    }

    mutating func double() throws(StoreCodingError) -> Double {
        guard buffer.count - position >= 8 else { throw .truncated }
        var bits: UInt64 = 0
        for index in 0..<8 {
            bits |= UInt64(buffer[position + index]) << (8 * UInt64(index))
        }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A field name: like ``string()``, but equal names share one `String`.
    mutating func key() throws(StoreCodingError) -> String {
        let length = try count()
        guard length > 15 else { return try string(length: length) }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<position + length])
        for known in keys
        where known.bytes.count == length && memcmp(known.bytes.baseAddress!, slice.baseAddress!, length) == 0 {
            position += length
            return known.name
        }
        let name = try string(length: length)
        if keys.count < 32 { keys.append((slice, name)) }
        return name
    }

    mutating func string() throws(StoreCodingError) -> String {
        try string(length: try count())
    }

    private mutating func string(length: Int) throws(StoreCodingError) -> String {
        guard length <= buffer.count - position else { throw .truncated }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<position + length])
        position += length
        return String(decoding: slice, as: UTF8.self)
    }
}
