import Foundation
import TestRailAPI

/// The contents of one simulated TestRail instance, as the JSON records the API serves.
///
/// Records stay raw `JSONValue` objects so the simulator serves every field a fixture holds, including custom fields
/// no model of ours knows about; a third-party client sees exactly what the fixture says.
public struct Dataset: Sendable {
    public var projects: [[String: JSONValue]]
    public var suites: [[String: JSONValue]]
    public var sections: [[String: JSONValue]]
    public var cases: [[String: JSONValue]]
    public var caseTypes: [[String: JSONValue]]
    public var priorities: [[String: JSONValue]]
    public var caseFields: [[String: JSONValue]]

    public init(
        projects: [[String: JSONValue]] = [], suites: [[String: JSONValue]] = [],
        sections: [[String: JSONValue]] = [], cases: [[String: JSONValue]] = [],
        caseTypes: [[String: JSONValue]] = Dataset.standardCaseTypes,
        priorities: [[String: JSONValue]] = Dataset.standardPriorities, caseFields: [[String: JSONValue]] = []
    ) {
        self.projects = projects
        self.suites = suites
        self.sections = sections
        self.cases = cases
        self.caseTypes = caseTypes
        self.priorities = priorities
        self.caseFields = caseFields
    }

    /// Loads a fixture file: one JSON object with `projects`, `suites`, `sections`, `cases` and optionally
    /// `case_types`, `priorities` and `case_fields`, each a list of TestRail-shaped records.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetError.unreadable(url.path, String(describing: error))
        }
        let file: [String: [JSONValue]]
        do {
            file = try JSONDecoder().decode([String: [JSONValue]].self, from: data)
        } catch {
            throw DatasetError.invalid(url.path, "not a JSON object of record lists")
        }
        func records(_ key: String) throws -> [[String: JSONValue]] {
            try (file[key] ?? []).map { value in
                guard case .object(let object) = value else {
                    throw DatasetError.invalid(url.path, "'\(key)' holds something other than objects")
                }
                return object
            }
        }
        self.init(
            projects: try records("projects"), suites: try records("suites"), sections: try records("sections"),
            cases: try records("cases"),
            caseTypes: file["case_types"] == nil ? Dataset.standardCaseTypes : try records("case_types"),
            priorities: file["priorities"] == nil ? Dataset.standardPriorities : try records("priorities"),
            caseFields: try records("case_fields"))
    }

    /// TestRail's default case types.
    public static let standardCaseTypes: [[String: JSONValue]] = [
        "Acceptance", "Accessibility", "Automated", "Compatibility", "Destructive", "Functional", "Other",
        "Performance", "Regression", "Security", "Smoke & Sanity", "Usability",
    ].enumerated().map { index, name in
        ["id": .int(Int64(index + 1)), "name": .string(name), "is_default": .bool(name == "Other")]
    }

    /// TestRail's default priorities.
    public static let standardPriorities: [[String: JSONValue]] = [
        ("Low", "1 - Low"), ("Medium", "2 - Medium"), ("High", "3 - High"), ("Critical", "4 - Critical"),
    ].enumerated().map { index, pair in
        [
            "id": .int(Int64(index + 1)), "name": .string(pair.1), "short_name": .string(pair.0),
            "priority": .int(Int64(index + 1)), "is_default": .bool(index == 1),
        ]
    }
}

public enum DatasetError: Error, Sendable, CustomStringConvertible {
    case unreadable(String, String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): return "cannot read fixture \(path): \(detail)"
        case .invalid(let path, let detail): return "invalid fixture \(path): \(detail)"
        }
    }
}
