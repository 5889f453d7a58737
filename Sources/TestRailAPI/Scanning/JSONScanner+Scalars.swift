import Foundation

extension JSONScanner {
    /// A number: `.int` for an integer of up to 18 digits; for a fraction or an exponent written in at most 15
    /// characters, the `Double`, or `.int` when it is integral and below 10¹⁵ (as the reference builds a JSONValue).
    /// Anything else falls back: the reference reads integers of 19 digits or more as `Int64`, `UInt64` or `Decimal`,
    /// and longer fractions as `Decimal`.
    mutating func number() throws(ScanFallback) -> JSONValue {
        _ = try peek()
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var magnitude: Int64 = 0
        var digits = 0
        var overflow = false
        let integerStart = index
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            if digits < 18 {
                magnitude = magnitude &* 10 &+ Int64(digit)
            } else {
                overflow = true
            }
            digits += 1
            index += 1
        }
        // One digit at least, and no leading zero.
        guard digits > 0, !(digits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else { throw ScanFallback() }
        var fractional = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            fractional = true
            index += 1
            let fractionStart = index
            while index < bytes.count, Self.digit(bytes[index]) != nil { index += 1 }
            guard index > fractionStart else { throw ScanFallback() }
            digits += index - fractionStart
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            fractional = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, Self.digit(bytes[index]) != nil { index += 1 }
            guard index > exponentStart else { throw ScanFallback() }
        }
        if !fractional {
            // Up to 18 digits always fit; longer integers (and Int64's edges) are the reference's to read.
            guard !overflow else { throw ScanFallback() }
            return .int(negative ? -magnitude : magnitude)
        }
        // At most 15 characters in all: the reference keeps longer literals as `Decimal` (it counts every character
        // of one written with `E`, sign, point and exponent included), which the scanner leaves to it.
        guard digits <= 15, index - start <= 15,
            let double = Double(
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
            double.isFinite
        else { throw ScanFallback() }
        return double.rounded() == double && abs(double) < 1e15 ? .int(Int64(double)) : .double(double)
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        byte &- UInt8(ascii: "0") < 10 ? byte &- UInt8(ascii: "0") : nil
    }

    /// The text of a string's bytes, which hold no escape; non-UTF-8 falls back (the reference repairs it).
    static func text(_ span: UnsafeRawBufferPointer, ascii: Bool) throws(ScanFallback) -> String {
        if ascii { return String(decoding: span, as: UTF8.self) }
        guard let text = String(validating: span, as: UTF8.self) else { throw ScanFallback() }
        return text
    }

    /// The slow path of ``string()``: the string from `start` holds escapes.
    mutating func escapedString(from start: Int) throws(ScanFallback) -> String {
        var decoded: [UInt8] = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw ScanFallback() }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw ScanFallback() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw ScanFallback() }
                        index += 2
                        let low = try hexQuad()
                        guard (0xDC00..<0xE000).contains(low) else { throw ScanFallback() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw ScanFallback()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw ScanFallback() }
                    decoded.append(contentsOf: UTF8.encode(unicode)!)
                default:
                    throw ScanFallback()
                }
            default:
                guard byte >= 0x20 else { throw ScanFallback() }
                decoded.append(byte)
            }
        }
        throw ScanFallback()
    }

    private mutating func hexQuad() throws(ScanFallback) -> UInt32 {
        guard bytes.count - index >= 4 else { throw ScanFallback() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: throw ScanFallback()
            }
            value = value << 4 | UInt32(nibble)
            index += 1
        }
        return value
    }
}
