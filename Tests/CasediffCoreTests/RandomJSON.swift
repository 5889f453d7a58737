import Foundation
import TestRailAPI
import TestRailSimulator

/// Random JSON values for differential tests, from a seed: strings full of escapes, control characters and
/// non-ASCII, doubles at every magnitude, `Int64`'s extremes, big-integer texts, nested and empty containers.
struct RandomJSON {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// What strings are made of: every character `JSONEncoder` escapes, and some it writes as they are.
    static let pieces: [String] = [
        "a", "b", "Z", "0", "9", " ", "_", "-", ".", "~", "\"", "\\", "/", "//", "\\/", "\n", "\r", "\t", "\r\n",
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{E}", "\u{F}", "\u{10}", "\u{1A}", "\u{1B}",
        "\u{1F}", "\u{7F}", "\u{80}", "\u{A0}", "é", "e\u{301}", "ß", "ﬀ", "中文", "\u{2028}", "\u{2029}",
        "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "😀", "👩‍👩‍👧", "🇸🇪", "\u{10FFFF}", "<p>", "&amp;", "custom_",
    ]

    /// Keys `.sortedKeys` must order by their UTF-8 bytes, not as numbers, letters or `String` order.
    static let keys: [String] = [
        "a10", "a2", "B", "a", "_x", "é", "Z", "custom_b", "custom_B", "", "1", "10", "9", "A", "aa", "a-", "😀",
        "\u{FFFF}", "ﬀ", "ä", "content", "expected", "additional_info", "refs",
    ]

    mutating func int(_ bound: Int) -> Int {
        Int(random.next() % UInt64(bound))
    }

    mutating func string(maximumPieces: Int = 12) -> String {
        (0..<int(maximumPieces + 1)).map { _ in Self.pieces[int(Self.pieces.count)] }.joined()
    }

    mutating func key() -> String {
        int(2) == 0 ? Self.keys[int(Self.keys.count)] : string(maximumPieces: 4)
    }

    mutating func double() -> Double {
        switch int(12) {
        case 0: return Double(Int64(bitPattern: random.next()) >> int(64))  // integral, any sign and size
        case 1: return [0.0, -0.0, 1, -1, 0.1, 0.6, 0.5, 100, 1e15, 1e16, 1e20, 1e21, 1e-5, 1e-7][int(14)]
        case 2: return [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .ulpOfOne][int(4)]
        case 3: return Double(int(2_000_001) - 1_000_000) / 1000  // three decimals, as the run block rounds
        case 4: return Double(sign: int(2) == 0 ? .plus : .minus, exponent: int(2000) - 1000, significand: 1.5)
        case 5: return Double(int(1 << 20)) * .leastNonzeroMagnitude * 2024  // subnormal
        case 6: return 9_007_199_254_740_992 + Double(int(100))
        default:
            while true {
                let value = Double(bitPattern: random.next())
                if value.isFinite { return value }
            }
        }
    }

    mutating func int64() -> Int64 {
        switch int(4) {
        case 0: return [Int64.min, .max, 0, -1, 1, Int64.min + 1, .max - 1][int(7)]
        case 1: return Int64(int(1000)) - 500
        default: return Int64(bitPattern: random.next()) >> int(64)
        }
    }

    /// Integer texts beyond `Int64`, as `JSONValue.number` holds them, and a few texts `Decimal` reads oddly.
    mutating func numberText() -> String {
        switch int(6) {
        case 0:
            return [
                "1180591620717411303424", "-9223372036854775809", "9223372036854775808", "0", "-0", "007", "1e5",
                "12.50", "abc", "", "1e30", "99999999999999999999999999999999999999999999999999",
            ][int(12)]
        default:
            let digits = (0..<(19 + int(30))).map { index in String(index == 0 ? 1 + int(9) : int(10)) }.joined()
            return (int(2) == 0 ? "-" : "") + digits
        }
    }

    mutating func scalar() -> JSONValue {
        switch int(7) {
        case 0: return .null
        case 1: return .bool(int(2) == 0)
        case 2: return .int(int64())
        case 3: return .double(double())
        case 4: return .number(numberText())
        default: return .string(string())
        }
    }

    /// A value nested at most `depth` levels; a container when `container` is set.
    mutating func value(depth: Int = 4, container: Bool = false) -> JSONValue {
        guard depth > 0, container || int(3) == 0 else { return scalar() }
        if int(2) == 0 {
            return .array((0..<int(5)).map { _ in value(depth: depth - 1) })
        }
        var members: [String: JSONValue] = [:]
        for _ in 0..<int(6) { members[key()] = value(depth: depth - 1) }
        return .object(members)
    }
}
