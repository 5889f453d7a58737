import Foundation
import Testing

@testable import TestRailAPI

/// Valid JSON is never called invalid: huge numbers are kept exactly, deep nesting is named, bad bytes repaired.
@Suite struct ValidJSONTests {
    static let numbers =
        #"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":1,"title":"t","custom_big":1180591620717411303424,"custom_huge":1e+308,"custom_low":-9223372036854775809,"custom_zero":-0,"custom_half":0.5}]}"#

    static let expected: [String: JSONValue] = [
        "custom_big": .number("1180591620717411303424"), "custom_huge": .double(1e308),
        "custom_low": .number("-9223372036854775809"), "custom_zero": .int(0), "custom_half": .double(0.5),
    ]

    @Test func numbersBeyondInt64AreKeptExactlyOnBothPaths() throws {
        let fast = try Page<TestCase>.decode(Data(Self.numbers.utf8), itemsKey: "cases")
        #expect(fast.items.first?.customFields == Self.expected)
        let object = try #require(Self.numbers.range(of: #"{"id""#)).lowerBound
        let single = String(Self.numbers[object...].dropLast(2))
        let slow = try JSONDecoder().decode(TestCase.self, from: Data(single.utf8))
        #expect(slow.customFields == Self.expected)
    }

    @Test func aLargeNumberEncodesAsTheSameDigits() throws {
        let encoded = try JSONEncoder().encode([JSONValue.number("1180591620717411303424")])
        #expect(String(decoding: encoded, as: UTF8.self) == "[1180591620717411303424]")
    }

    @Test func anIDNoIntHoldsIsAnErrorNamingTheField() throws {
        let body =
            #"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":1180591620717411303424,"title":"t"}]}"#
        let error = try #require(throws: TestRailError.self) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
        #expect(error == .malformedResponse("a value casediff cannot hold at .cases[0].id"))
        #expect(!error.description.contains("invalid JSON"))
    }

    @Test func deepNestingIsNamedAndNeverCrashes() throws {
        let depth = 100_000
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let body =
            #"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":1,"title":"t","custom_x":\#(deep)}]}"#
        let error = try #require(throws: TestRailError.self) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
        #expect(error == .malformedResponse("the JSON is too deeply nested (more than 512 levels)"))
        let object = try #require(throws: TestRailError.self) {
            try TestRailClient.decodeObject(Data(deep.utf8), as: [JSONValue].self)
        }
        #expect(object.description.contains("too deeply nested"))
    }

    @Test func bytesThatAreNotUTF8AreRepairedAndTheCaseNamed() throws {
        var body = Data(#"{"offset":0,"limit":250,"size":2,"_links":{"next":null},"cases":[{"id":7,"title":"ab"#.utf8)
        body.append(0xFF)
        body.append(contentsOf: Data(#"cd"},{"id":8,"title":"fine"}]}"#.utf8))
        let page = try Page<TestCase>.decode(body, itemsKey: "cases")
        #expect(page.items.map(\.title) == ["ab\u{FFFD}cd", "fine"])
        #expect(page.warnings == ["case C7: its title had bytes that are not UTF-8; shown as U+FFFD"])
    }
}
