import Foundation

/// Writes JSON as UTF-8 bytes, one value after another, producing exactly the bytes Foundation's `JSONEncoder`
/// writes with `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted` in the pretty style), without
/// building a tree of values first: the diff export of 100 000 records is written in a fraction of the encoder's time.
/// The text grows in one buffer of its own, handed to `Data` without a copy at the end; so the writer is
/// noncopyable (pass it `inout`).
///
/// The caller opens and closes containers and names each member's key before its value. Keys must come in the order
/// `.sortedKeys` gives: ascending by their UTF-8 bytes (``JSONWriter/precedes(_:_:)``), so `"B"` < `"_x"` < `"a"` <
/// `"a10"` < `"a2"` < `"é"`. ``JSONWriter/value(_:)`` sorts a `JSONValue` object's keys itself.
///
/// What `JSONEncoder` writes, and so what this writes:
///
/// | value                        | pretty                         | compact        |
/// |------------------------------|--------------------------------|----------------|
/// | `{"a": 1, "b": [true]}`      | `{⏎  "a" : 1,⏎  "b" : [⏎    true⏎  ]⏎}` | `{"a":1,"b":[true]}` |
/// | `[]`, `{}`                   | `[⏎⏎]`, `{⏎⏎}` (closing bracket indented as its parent) | `[]`, `{}` |
/// | `0.6`, `1.0`, `-0.0`         | `0.6`, `1`, `-0`               | the same       |
/// | `1e20`, `1e-7`, `5e-324`     | `1e+20`, `1e-07`, `5e-324`     | the same       |
/// | `"a\"b\\c/d"`                | `"a\"b\\c/d"`                  | the same       |
/// | U+0008, U+000C, LF, CR, TAB  | `\b`, `\f`, `\n`, `\r`, `\t`   | the same       |
/// | U+0001, U+001F               | `\u0001`, `\u001f` (lower-case hex) | the same  |
/// | U+007F, `é`, U+2028, `😀`    | the raw UTF-8 bytes            | the same       |
struct JSONWriter: ~Copyable {
    /// Pretty: two spaces per level, one member or element per line, `"key" : value`. Compact: no white space.
    enum Style: Sendable { case pretty, compact }

    /// `JSONEncoder` refuses containers nested this deep (the top-level container is level 1).
    static let maximumDepth = 512

    let style: Style
    /// How many containers are open.
    private(set) var depth = 0
    /// The innermost open container has no member or element yet.
    private var isEmpty = true
    /// A key was just written; its value needs no separator.
    private var afterKey = false
    /// The text written so far: `count` bytes of a buffer of `capacity`.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// - Parameter capacity: the bytes to allocate at first; the buffer doubles when it is full.
    /// - Parameters:
    ///   - capacity: the bytes to allocate at first; the buffer doubles when it is full.
    ///   - depth: the containers already open around what this writer writes: a value written at depth 2 is laid
    ///     out as an element of an array two levels in, ready to follow ``beginRawElement()`` of a writer at that depth.
    init(style: Style, capacity: Int = 256, depth: Int = 0) {
        self.style = style
        self.depth = depth
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// The text written, as `Data` that takes over the buffer.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: buffer, count: count, deallocator: .custom { bytes, _ in bytes.deallocate() })
        discard self
        return data
    }

    /// Hands over the text written so far and empties the buffer, keeping the layout state: a long document goes
    /// out in pieces.
    mutating func drain() -> Data {
        let data = Data(bytes: buffer, count: count)
        count = 0
        return data
    }

    /// The text written so far, copied.
    var text: String {
        String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// Whether key `a` sorts before key `b` as `.sortedKeys` sorts them: by their UTF-8 bytes.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: Containers

    mutating func beginObject() {
        beginValue()
        open(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        beginValue()
        open(UInt8(ascii: "["))
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the open object; its value is the next thing written.
    mutating func key(_ key: String) {
        beginElement()
        writeQuoted(key)
        if style == .pretty {
            write(" : ")
        } else {
            write(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    // MARK: Scalars

    mutating func null() {
        beginValue()
        write("null")
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        write(value ? "true" : "false")
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// Decimal digits, written straight into the buffer.
    mutating func int(_ value: Int64) {
        beginValue()
        reserve(20)  // "-9223372036854775808"
        if value < 0 { write(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = count
        repeat {
            buffer[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            count += 1
            magnitude /= 10
        } while magnitude != 0
        var digits = UnsafeMutableBufferPointer(start: buffer + first, count: count - first)
        digits.reverse()
    }

    /// The shortest text that reads back as `value` (Swift's `description`), without a trailing `.0`.
    ///
    /// - Throws: `EncodingError.invalidValue` for NaN and the infinities, as `JSONEncoder` does.
    mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        beginValue()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        write(text)
    }

    /// A number given as decimal text, written as `JSONEncoder` writes `Decimal(string: text) ?? 0`: the
    /// `Decimal`'s description (38 significant digits at most: `1e30` is written as 1 and thirty zeros).
    mutating func decimal(_ text: String) {
        beginValue()
        write((Decimal(string: text) ?? 0).description)
    }

    mutating func string(_ value: String) {
        beginValue()
        writeQuoted(value)
    }

    /// The value, or `null` for nil (as `encode(_:forKey:)` writes an optional; `encodeIfPresent` leaves the key out).
    mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(orNull value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func double(orNull value: Double?) throws {
        if let value { try double(value) } else { null() }
    }

    /// A value already written as JSON (by `JSONEncoder`), each of its line breaks followed by `indent` spaces so
    /// that it lines up where it stands (but for the empty line of an empty container). A JSON text has no line
    /// break inside a string, so only its layout moves.
    mutating func fragment(_ text: Data, indent: Int) {
        beginValue()
        text.withUnsafeBytes { bytes in
            let all = bytes.bindMemory(to: UInt8.self)
            guard indent > 0 else { return write(all) }
            var start = 0
            while let end = all[start...].firstIndex(of: UInt8(ascii: "\n")) {
                write(UnsafeBufferPointer(rebasing: all[start...end]))
                // The empty line inside an empty container stays empty.
                if end + 1 < all.count, all[end + 1] != UInt8(ascii: "\n") {
                    for _ in 0..<indent { write(UInt8(ascii: " ")) }
                }
                start = end + 1
            }
            write(UnsafeBufferPointer(rebasing: all[start...]))
        }
    }

    /// The separator before an element another writer wrote at this writer's depth (its
    /// ``init(style:capacity:depth:)``, leading line break and indentation included), when that element goes out
    /// another way (straight to the output, after ``drain()``): this writer then goes on as if it had written it, and
    /// the bytes are those of the element written here.
    mutating func beginRawElement() {
        if isEmpty {
            isEmpty = false
        } else {
            write(UInt8(ascii: ","))
        }
    }

    /// Ends the text with a line break, as a file or a line of output ends.
    mutating func lineBreak() {
        write(UInt8(ascii: "\n"))
    }

    // MARK: Layout

    /// Writes the separator and line break a value needs where it stands; nothing after a key.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            beginElement()
        }
    }

    /// Writes `,` between members or elements, and in the pretty style a line break and the indentation.
    private mutating func beginElement() {
        if isEmpty {
            isEmpty = false
        } else {
            write(UInt8(ascii: ","))
        }
        if style == .pretty { newline(indent: depth) }
    }

    private mutating func open(_ bracket: UInt8) {
        write(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0 && !afterKey, "a container closed that was not open, or a key without a value")
        depth -= 1
        if style == .pretty {
            // An empty container is written as its brackets on two lines with an empty line between.
            if isEmpty { write(UInt8(ascii: "\n")) }
            newline(indent: depth)
        }
        write(bracket)
        isEmpty = false
    }

    /// A line break and the indentation of the first 32 levels.
    private static let lineBreakAndIndent: StaticString =
        "\n                                                                "

    private mutating func newline(indent: Int) {
        let length = 1 + indent * 2
        let prefix = min(length, Self.lineBreakAndIndent.utf8CodeUnitCount)
        write(UnsafeBufferPointer(start: Self.lineBreakAndIndent.utf8Start, count: prefix))
        for _ in prefix..<length { write(UInt8(ascii: " ")) }
    }

    // MARK: Bytes

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (buffer + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    /// ASCII text such as `null`, `true` and `" : "`.
    private mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// The string in quotes, escaped as `JSONEncoder` escapes it: `"` and `\` with a backslash, the control
    /// characters with their short escapes or as `\u00xx`; everything else (`/`, DEL, non-ASCII) as it is.
    private mutating func writeQuoted(_ value: String) {
        write(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var runStart = 0
            for index in text.indices {
                let byte = text[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                write(UnsafeBufferPointer(rebasing: text[runStart..<index]))
                runStart = index + 1
                writeEscape(byte)
            }
            write(UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        write(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        write(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): write(byte)
        case 0x08: write(UInt8(ascii: "b"))
        case 0x0C: write(UInt8(ascii: "f"))
        case 0x0A: write(UInt8(ascii: "n"))
        case 0x0D: write(UInt8(ascii: "r"))
        case 0x09: write(UInt8(ascii: "t"))
        default:
            let digits: StaticString = "0123456789abcdef"
            write("u00")
            write(digits.utf8Start[Int(byte >> 4)])
            write(digits.utf8Start[Int(byte & 0x0F)])
        }
    }
}
