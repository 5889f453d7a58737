import Foundation
import Testing

@testable import TestRailAPI

/// `get_case_fields` as real instances send it: per-project contexts, `project_ids` null or a list, `configs` as an
/// array or (as `add_case_field` answers) a JSON-encoded string, flags as booleans or 0/1.
@Suite struct CaseFieldDecodingTests {
    static let body = Data(
        #"""
        [{"id": 7, "system_name": "custom_automation_type", "label": "Automation", "name": "automation_type",
          "type_id": 6, "is_active": 1, "display_order": 3, "include_all": true, "template_ids": [],
          "configs": [
            {"id": "a1", "context": {"is_global": true, "project_ids": null},
             "options": {"is_required": false, "default_value": "1", "items": "1, Not applicable\n3, Manual\n5, Automated"}},
            {"id": "b2", "context": {"is_global": false, "project_ids": [3, 9]},
             "options": {"is_required": true, "items": "3, Automated\n5,Manual\n9, None\nnot an item\n"}}
          ]},
         {"id": 8, "system_name": "custom_preconds", "label": "Preconditions", "type_id": 3, "is_active": true,
          "configs": "[{\"context\": {\"is_global\": true, \"project_ids\": []}, \"options\": {\"format\": \"markdown\", \"rows\": \"5\"}}]"},
         {"id": 9, "system_name": "custom_legacy", "type_id": 1, "is_active": 0,
          "configs": [{"context": {"is_global": false, "project_ids": [1]}, "options": {}}]}]
        """#.utf8)

    @Test func aProjectsOwnContextWinsOverTheGlobalOne() throws {
        let fields = try JSONDecoder().decode([CaseField].self, from: Self.body)
        let dropdown = fields[0]
        #expect(dropdown.type == .dropdown && dropdown.isActive)
        #expect(dropdown.configuration(forProject: 3)?.options.choices == [3: "Automated", 5: "Manual", 9: "None"])
        #expect(dropdown.configuration(forProject: 3)?.options.isRequired == true)
        #expect(
            dropdown.configuration(forProject: 4)?.options.choices == [
                1: "Not applicable", 3: "Manual", 5: "Automated",
            ])
    }

    @Test func configsAsAStringAndFlagsAsNumbersAreRead() throws {
        let fields = try JSONDecoder().decode([CaseField].self, from: Self.body)
        #expect(fields[1].configuration(forProject: 42)?.options.format == "markdown")
        #expect(fields[1].label == "Preconditions" && fields[1].type == .text)
        #expect(!fields[2].isActive && fields[2].label == "custom_legacy")
        #expect(fields[2].configuration(forProject: 2) == nil, "configured for project 1 only")
    }

    @Test func aFieldRoundTripsInTestRailsNames() throws {
        let fields = try JSONDecoder().decode([CaseField].self, from: Self.body)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let again = try JSONDecoder().decode([CaseField].self, from: encoder.encode(fields))
        #expect(again == fields)
        let text = String(decoding: try encoder.encode(fields[0]), as: UTF8.self)
        #expect(text.contains(#""system_name":"custom_automation_type""#) && text.contains(#""project_ids":[3,9]"#))
    }
}

/// The definitions' models and a case's labels, read leniently.
@Suite struct DefinitionModelTests {
    @Test func labelsAreReadByBothDecodersAndAbsentMeansNone() throws {
        let json = Data(
            #"""
            {"cases": [
              {"id": 1, "title": "A", "labels": [{"id": "3", "title": "smoke", "created_by": "2"}, {"id": 4, "name": "ui"}]},
              {"id": 2, "title": "B"}
            ]}
            """#.utf8)
        let fast = try Page<TestCase>.decode(json, itemsKey: "cases")
        #expect(fast.items[0].labels == [CaseLabel(id: 3, title: "smoke"), CaseLabel(id: 4, title: "ui")])
        #expect(fast.items[1].labels == nil)
        struct Wrapper: Decodable { var cases: [TestCase] }
        let slow = try JSONDecoder().decode(Wrapper.self, from: json)
        #expect(slow.cases == fast.items)
    }

    @Test func usersMilestonesTemplatesAndSharedSetsDecode() throws {
        let user = try JSONDecoder().decode(User.self, from: Data(#"{"id": 5, "name": "Ann", "is_active": 0}"#.utf8))
        #expect(user == User(id: 5, name: "Ann", email: nil, isActive: false))
        let milestone = try JSONDecoder().decode(
            Milestone.self,
            from: Data(
                #"{"id": 1, "name": "2.0", "project_id": 3, "milestones": [{"id": 2, "name": "2.0 beta", "parent_id": 1}]}"#
                    .utf8))
        #expect(milestone.flattened.map(\.name) == ["2.0", "2.0 beta"])
        let template = try JSONDecoder().decode(
            Template.self, from: Data(#"{"id": 2, "name": "Test Case (Steps)", "is_default": false}"#.utf8))
        #expect(template.name == "Test Case (Steps)")
        let set = try JSONDecoder().decode(
            SharedStepSet.self,
            from: Data(
                #"{"id": 9, "title": "Sign in", "project_id": 3, "custom_steps_separated": [{"content": "Open", "expected": "Shown"}], "case_ids": [1]}"#
                    .utf8))
        #expect(set.steps.count == 1 && set.title == "Sign in")
    }
}
