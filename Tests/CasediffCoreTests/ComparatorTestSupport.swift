import Foundation
import TestRailAPI

@testable import CasediffCore

/// Factories for comparison tests: small projects built in memory.
enum ComparatorTestSupport {
    static func makeCase(
        _ id: Int, _ title: String, section: Int = 1, type: Int? = 1, priority: Int? = 2, refs: String? = nil,
        custom: [String: JSONValue] = [:]
    ) -> TestCase {
        TestCase(
            id: id, title: title, sectionID: section, suiteID: 1, templateID: 1, typeID: type, priorityID: priority,
            refs: refs, customFields: custom)
    }

    static func makeProject(
        id: Int = 1, mode: Project.SuiteMode = .multipleSuites, suites: [(String, [TestCase])],
        sections: [Section] = [Section(id: 1, suiteID: 1, name: "Root"), Section(id: 2, suiteID: 1, name: "Other")],
        caseTypes: [CaseType] = [CaseType(id: 1, name: "Functional"), CaseType(id: 2, name: "Regression")],
        priorities: [Priority] = [
            Priority(id: 1, name: "Low"), Priority(id: 2, name: "Medium"), Priority(id: 3, name: "High"),
        ]
    ) -> ProjectData {
        ProjectData(
            instance: "https://example.test/", project: Project(id: id, name: "P\(id)", suiteMode: mode),
            suites: suites.enumerated().map { index, suite in
                SuiteData(
                    suite: Suite(id: id * 100 + index, name: suite.0, projectID: id), sections: sections,
                    cases: suite.1)
            }, caseTypes: caseTypes, priorities: priorities)
    }
}

/// Reads and (with RECORD_SNAPSHOTS=1) re-records golden files under the top-level Fixtures/ folder.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// The golden text at `path`, or the actual text after writing it when recording.
    static func expected(_ path: String, actual: String) throws -> String {
        let url = fixtures.appendingPathComponent(path)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return actual
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
