import Foundation
import Testing

@testable import TestRailAPI

/// The `JSONSerialization` fast path must build exactly what the `Decodable` path builds.
@Suite struct TestCaseJSONObjectTests {
    static let body = Data(
        #"""
        {"offset":0,"limit":250,"size":2,"_links":{"next":"/api/v2/get_cases/1&suite_id=2&limit=250&offset=250","prev":null},
         "cases":[
          {"id":7,"title":"Pay","section_id":3,"suite_id":2,"template_id":1,"type_id":6,"priority_id":2,
           "milestone_id":null,"refs":"JIRA-1","estimate":"5m","estimate_forecast":null,"created_by":1,
           "created_on":1700000000,"updated_by":2,"updated_on":1700000100,"display_order":4,"is_deleted":0,
           "custom_flag":true,"custom_count":3,"custom_ratio":0.5,"custom_none":null,"custom_text":"héllo",
           "custom_steps_separated":[{"content":"Step 1","expected":"Done","nested":{"n":1}}]},
          {"id":8,"title":"Refund","is_deleted":true,"custom_list":[1,"two",false]}
         ]}
        """#.utf8)

    @Test func theFastPathMatchesTheDecodablePath() throws {
        let fast = try Page<TestCase>.decode(Self.body, itemsKey: "cases")
        let decoder = JSONDecoder()
        struct Envelope: Decodable { var cases: [TestCase] }
        let slow = try decoder.decode(Envelope.self, from: Self.body).cases
        #expect(fast.items == slow)
        #expect(fast.items[0].customFields["custom_flag"] == .bool(true))
        #expect(fast.items[0].customFields["custom_count"] == .int(3))
        #expect(fast.items[0].customFields["custom_ratio"] == .double(0.5))
        #expect(fast.items[1].isDeleted)
        #expect(fast.next?.parameter("offset") == "250" && fast.size == 2 && fast.limit == 250)
    }

    @Test func aCaseWithoutATitleIsStillReportedPrecisely() throws {
        let body = Data(#"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":1}]}"#.utf8)
        let error = try #require(throws: TestRailError.self) { try Page<TestCase>.decode(body, itemsKey: "cases") }
        #expect(error.description.contains("missing field 'title'"))
    }
}
