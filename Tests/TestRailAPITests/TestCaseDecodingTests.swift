import Foundation
import Testing

@testable import TestRailAPI

@Suite struct TestCaseDecodingTests {
    static let json = """
        {"id": 42, "title": "Pay by card", "section_id": 3, "suite_id": 2, "template_id": 2, "type_id": 6,
         "priority_id": 4, "milestone_id": null, "refs": "SHOP-1", "created_by": 1, "created_on": 1700000000,
         "updated_by": 1, "updated_on": 1700000060, "estimate": "2m", "estimate_forecast": null,
         "display_order": 5, "is_deleted": 0,
         "custom_preconds": "<p>Signed in</p>",
         "custom_steps_separated": [{"content": "Pay", "expected": "Paid"}],
         "custom_automation_id": null, "custom_score": 1.5, "custom_flag": true}
        """

    @Test func keepsStandardFieldsTypedAndEveryCustomFieldRaw() throws {
        let testCase = try JSONDecoder().decode(TestCase.self, from: Data(Self.json.utf8))
        #expect(testCase.id == 42 && testCase.priorityID == 4 && testCase.refs == "SHOP-1" && !testCase.isDeleted)
        #expect(testCase.customFields["custom_preconds"] == .string("<p>Signed in</p>"))
        #expect(
            testCase.customFields["custom_steps_separated"]
                == .array([.object(["content": "Pay", "expected": "Paid"])]))
        #expect(testCase.customFields["custom_automation_id"] == .null)
        #expect(testCase.customFields["custom_score"] == .double(1.5))
        #expect(testCase.customFields["custom_flag"] == .bool(true))
        #expect(testCase.customFields.count == 5)
    }

    @Test func roundTripsThroughJSON() throws {
        let testCase = try JSONDecoder().decode(TestCase.self, from: Data(Self.json.utf8))
        let again = try JSONDecoder().decode(TestCase.self, from: JSONEncoder().encode(testCase))
        #expect(again == testCase)
    }

    @Test func integersStayIntegers() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data("[1, 1.0, 2.5]".utf8))
        #expect(value == .array([.int(1), .int(1), .double(2.5)]))
        let encoded = String(
            decoding: try JSONEncoder().encode(JSONValue.array([.int(1), .double(2.5)])), as: UTF8.self)
        #expect(encoded == "[1,2.5]")
    }

    @Test func projectSuiteModesDecode() throws {
        let body =
            #"[{"id":1,"name":"A","suite_mode":1},{"id":2,"name":"B","suite_mode":2},{"id":3,"name":"C","suite_mode":3}]"#
        let projects = try JSONDecoder().decode([Project].self, from: Data(body.utf8))
        #expect(projects.map(\.suiteMode) == [.singleSuite, .singleSuiteWithBaselines, .multipleSuites])
    }

    @Test func sectionsKeepTheirTree() throws {
        let body = #"{"id":9,"suite_id":2,"name":"Coupons","parent_id":3,"depth":1,"display_order":2}"#
        let section = try JSONDecoder().decode(Section.self, from: Data(body.utf8))
        #expect(section == Section(id: 9, suiteID: 2, name: "Coupons", parentID: 3, depth: 1, displayOrder: 2))
    }
}
