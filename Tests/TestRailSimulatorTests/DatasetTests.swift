import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// Fixture files: which lists they may hold, and what an absent list means.
@Suite struct DatasetTests {
    func makeFixture(_ json: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test func theProjectResourceListsLoadAsWritten() throws {
        let url = try makeFixture(
            """
            {"projects": [{"id": 1, "name": "Web", "suite_mode": 1}],
             "templates": [{"id": 9, "name": "Custom", "is_default": true, "project_ids": [1]}],
             "users": [{"id": 1, "name": "Ann", "email": "ann@example.test", "is_active": true, "project_ids": [1]}],
             "milestones": [{"id": 1, "name": "R1", "project_id": 1, "parent_id": null}],
             "shared_steps": [{"id": 1, "title": "Log in", "project_id": 1, "custom_steps_separated": []}],
             "labels": [{"id": 1, "title": "smoke", "project_id": 1}]}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let dataset = try Dataset(contentsOf: url)
        #expect(dataset.templates.map { $0["name"] } == ["Custom"])
        #expect(dataset.templates[0]["project_ids"] == .array([1]), "kept for the simulator, stripped when served")
        #expect(dataset.users.map { $0["email"] } == ["ann@example.test"])
        #expect(dataset.milestones.count == 1 && dataset.sharedSteps.count == 1 && dataset.labels.count == 1)
    }

    @Test func absentListsAreEmptyExceptTestRailsDefaults() throws {
        let url = try makeFixture(#"{"projects": [{"id": 1, "name": "Web"}]}"#)
        defer { try? FileManager.default.removeItem(at: url) }
        let dataset = try Dataset(contentsOf: url)
        #expect(dataset.templates == Dataset.standardTemplates)
        #expect(dataset.caseTypes == Dataset.standardCaseTypes && dataset.priorities == Dataset.standardPriorities)
        #expect(dataset.users.isEmpty && dataset.milestones.isEmpty && dataset.sharedSteps.isEmpty)
        #expect(dataset.labels.isEmpty && dataset.caseFields.isEmpty)
    }

    @Test func aListOfSomethingOtherThanObjectsIsInvalid() throws {
        let url = try makeFixture(#"{"users": [1, 2]}"#)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DatasetError.self) { _ = try Dataset(contentsOf: url) }
    }
}
