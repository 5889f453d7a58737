import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// The writer against `JSONEncoder` itself: the same bytes for the same values, pretty and compact.
@Suite struct JSONWriterTests {
    static let styles: [JSONWriter.Style] = [.pretty, .compact]

    /// What `JSONEncoder` writes for `value` with the options the writer reproduces.
    static func encoded(_ value: some Encodable, _ style: JSONWriter.Style) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            style == .pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ value: JSONValue, _ style: JSONWriter.Style) throws -> String {
        var writer = JSONWriter(style: style)
        try writer.value(value)
        return writer.text
    }

    @Test(arguments: styles) func randomValuesAreWrittenAsTheEncoderWritesThem(_ style: JSONWriter.Style) throws {
        var random = RandomJSON(seed: style == .pretty ? 17 : 71)
        for index in 0..<3000 {
            let value = random.value(depth: 5, container: index % 2 == 0)
            let expected = try Self.encoded(value, style)
            let actual = try Self.written(value, style)
            #expect(actual == expected, "\(value)")
            if actual != expected { break }
        }
    }

    @Test(arguments: styles) func scalarsAtTheTopAreWrittenAsTheEncoderWritesThem(_ style: JSONWriter.Style) throws {
        var random = RandomJSON(seed: 5)
        var values: [JSONValue] = (0..<2000).map { _ in random.scalar() }
        values += (0..<2000).map { _ in .double(random.double()) }
        values += (0..<500).map { _ in .number(random.numberText()) }
        values += [
            .double(-0.0), .double(0.6), .double(1), .double(1e20), .double(1e-7), .double(.leastNonzeroMagnitude),
        ]
        values += [.int(.min), .int(.max), .string(""), .string("a\"b\\c/d\u{0}\u{1F}\u{7F}é😀")]
        for value in values {
            #expect(try Self.written(value, style) == (try Self.encoded(value, style)), "\(value)")
        }
    }

    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let keys = RandomJSON.keys + ["custom_steps_separated", "custom_steps", "custom_step", "Ä", "a\u{0}"]
        let object = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
        let written = try Self.written(object, .compact)
        #expect(written == (try Self.encoded(object, .compact)))
        #expect(
            written.hasPrefix(
                #"{"":null,"1":null,"10":null,"9":null,"A":null,"B":null,"Z":null,"_x":null,"a":null,"a\u0000":null,"#
                    + #""a-":null,"a10":null,"a2":null,"aa":null,"#))
        #expect(written.hasSuffix(#""ä":null,"é":null,"ﬀ":null,"\#u{FFFF}":null,"😀":null}"#))
    }

    @Test func theWorkedValuesInTheDocCommentHold() throws {
        #expect(try Self.written(["a": 1, "b": [true]], .pretty) == "{\n  \"a\" : 1,\n  \"b\" : [\n    true\n  ]\n}")
        #expect(try Self.written(["a": 1, "b": [true]], .compact) == #"{"a":1,"b":[true]}"#)
        #expect(try Self.written([[], [:]], .pretty) == "[\n  [\n\n  ],\n  {\n\n  }\n]")
        #expect(try Self.written([], .pretty) == "[\n\n]")
        #expect(try Self.written([[], [:]], .compact) == "[[],{}]")
        let doubles: [JSONValue] = [
            .double(0.6), .double(1), .double(-0.0), .double(1e20), .double(1e-7), .double(.leastNonzeroMagnitude),
        ]
        #expect(try Self.written(.array(doubles), .compact) == "[0.6,1,-0,1e+20,1e-07,5e-324]")
        #expect(
            try Self.written("a\"b\\c/d\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}é", .compact)
                == #""a\"b\\c/d\b\f\n\r\t\u0001\u001f\#u{7F}é""#)
        #expect(try Self.written(.number("1e30"), .compact) == "1" + String(repeating: "0", count: 30))
        #expect(try Self.written(.number("-9223372036854775809"), .compact) == "-9223372036854775809")
    }

    @Test func nonFiniteDoublesAndTooDeepNestingThrowAsTheEncoderDoes() throws {
        for value in [JSONValue.double(.nan), .double(.infinity), ["a": [.double(-.infinity)]]] {
            #expect(throws: EncodingError.self) { try Self.written(value, .pretty) }
            #expect(throws: EncodingError.self) { try Self.encoded(value, .pretty) }
        }
        func nested(_ depth: Int) -> JSONValue {
            (0..<depth).reduce(JSONValue.int(1)) { inner, level in level % 2 == 0 ? [inner] : ["k": inner] }
        }
        let deepest = nested(JSONWriter.maximumDepth - 1)
        #expect(try Self.written(deepest, .pretty) == (try Self.encoded(deepest, .pretty)))
        #expect(throws: (any Error).self) { try Self.encoded(nested(JSONWriter.maximumDepth), .compact) }
        #expect(throws: EncodingError.self) { try Self.written(nested(JSONWriter.maximumDepth), .compact) }
    }

    @Test func containersAndMembersAreSeparatedAsTheEncoderSeparatesThem() throws {
        struct Sample: Encodable {
            var list: [Int] = [1, -2]
            var empty: [String] = []
            var nested: [[String: Int]] = [[:], ["x": 3]]
            var name = "n"
        }
        for style in Self.styles {
            var writer = JSONWriter(style: style)
            writer.beginObject()
            writer.key("empty")
            writer.beginArray()
            writer.endArray()
            writer.key("list")
            writer.beginArray()
            writer.int(1)
            writer.int(-2)
            writer.endArray()
            writer.key("name")
            writer.string("n")
            writer.key("nested")
            writer.beginArray()
            writer.beginObject()
            writer.endObject()
            writer.beginObject()
            writer.key("x")
            writer.int(3)
            writer.endObject()
            writer.endArray()
            writer.endObject()
            #expect(writer.text == (try Self.encoded(Sample(), style)))
        }
    }
}
