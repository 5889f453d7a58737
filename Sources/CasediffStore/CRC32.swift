import Foundation

/// CRC-32 (IEEE 802.3, the polynomial of zlib and PNG), written with each stored page and checked when it is read:
/// a flipped bit in a row makes the page a miss instead of a silently different diff. Foundation has none; this
/// one is table-driven, eight bytes at a time ("slicing-by-8"), so checking a warm store's pages costs little next
/// to decoding them.
///
/// | input                   | checksum     |
/// |-------------------------|--------------|
/// | (nothing)               | `0x00000000` |
/// | `a`                     | `0xE8B7BE43` |
/// | `123456789`             | `0xCBF43926` |
/// | `123456789` in 2 pieces | `0xCBF43926` |
struct CRC32: Sendable {
    private var state: UInt32 = 0xFFFF_FFFF

    init() {}

    /// The checksum of everything added so far.
    var value: UInt32 { state ^ 0xFFFF_FFFF }

    mutating func add(_ bytes: some DataProtocol) {
        for region in bytes.regions {
            region.withUnsafeBytes { add(raw: $0) }
        }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Adds an integer as its eight little-endian bytes.
    mutating func add(_ number: Int64) {
        withUnsafeBytes(of: number.littleEndian) { add(raw: $0) }
    }

    private mutating func add(raw buffer: UnsafeRawBufferPointer) {
        var crc = state
        var index = 0
        let count = buffer.count
        Self.tables.withUnsafeBufferPointer { table in
            while count - index >= 8 {
                let low = crc ^ buffer.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let high = buffer.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        state = crc
    }

    /// Eight 256-entry tables: table 0 is the classic byte-at-a-time table, table k advances it by k more bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(slice - 1) * 256 + byte]
                tables[slice * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
