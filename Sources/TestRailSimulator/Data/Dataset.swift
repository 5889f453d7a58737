import Foundation
import TestRailAPI

/// The contents of one simulated TestRail instance, as the JSON records the API serves.
///
/// Records stay raw `JSONValue` objects so the simulator serves every field a fixture holds, including custom fields
/// no model of ours knows about; a third-party client sees exactly what the fixture says. A few records carry a
/// simulator-only `project_ids` key (``templates``, ``users``): it scopes the record to projects the way TestRail's
/// own tables do, and is never served.
public struct Dataset: Sendable {
    public var projects: [[String: JSONValue]]
    public var suites: [[String: JSONValue]]
    public var sections: [[String: JSONValue]]
    public var cases: [[String: JSONValue]]
    public var caseTypes: [[String: JSONValue]]
    public var priorities: [[String: JSONValue]]
    public var caseFields: [[String: JSONValue]]
    /// `{id, name, is_default}`, plus simulator-only `project_ids` (absent: every project).
    public var templates: [[String: JSONValue]]
    /// `{id, name, email, is_active, role_id, role}`, plus simulator-only `project_ids`, the projects the user is a
    /// member of (absent: every project).
    public var users: [[String: JSONValue]]
    /// `{id, name, project_id, parent_id, …}`; a milestone with a `parent_id` is a sub-milestone.
    public var milestones: [[String: JSONValue]]
    /// `{id, title, project_id, custom_steps_separated, case_ids, …}`.
    public var sharedSteps: [[String: JSONValue]]
    /// `{id, title, created_by, created_on}` and optionally `project_id` (absent: every project).
    public var labels: [[String: JSONValue]]
    /// Simulator-only: fields of a case (by id) served as these exact bytes in place of any value in ``cases``,
    /// for content `JSONValue` cannot carry (see ``HostileData``). Not read from fixture files.
    public var rawCaseFields: [Int: [String: Data]] = [:]
    /// Simulator-only: suites whose cases are generated on request instead of listed in ``cases``
    /// (``DatasetGenerator/makeLazily()``); the simulator serves them exactly as it would serve them as records.
    public var generatedCases: GeneratedCases?

    public init(
        projects: [[String: JSONValue]] = [], suites: [[String: JSONValue]] = [],
        sections: [[String: JSONValue]] = [], cases: [[String: JSONValue]] = [],
        caseTypes: [[String: JSONValue]] = Dataset.standardCaseTypes,
        priorities: [[String: JSONValue]] = Dataset.standardPriorities, caseFields: [[String: JSONValue]] = [],
        templates: [[String: JSONValue]] = Dataset.standardTemplates, users: [[String: JSONValue]] = [],
        milestones: [[String: JSONValue]] = [], sharedSteps: [[String: JSONValue]] = [],
        labels: [[String: JSONValue]] = []
    ) {
        self.projects = projects
        self.suites = suites
        self.sections = sections
        self.cases = cases
        self.caseTypes = caseTypes
        self.priorities = priorities
        self.caseFields = caseFields
        self.templates = templates
        self.users = users
        self.milestones = milestones
        self.sharedSteps = sharedSteps
        self.labels = labels
    }

    /// Every case the instance serves: the records and the generated ones.
    public var caseCount: Int { cases.count + (generatedCases?.count ?? 0) }

    /// How many cases each suite holds, by suite id, records and generated alike (a suite with no cases may be absent).
    public var caseCountsBySuite: [Int: Int] {
        var counts: [Int: Int] = [:]
        for record in cases {
            if let suiteID = record["suite_id"]?.intValue { counts[suiteID, default: 0] += 1 }
        }
        for suiteID in generatedCases?.suiteIDs ?? [] {
            counts[suiteID, default: 0] += generatedCases?.caseCount(suiteID: suiteID) ?? 0
        }
        return counts
    }

    /// Loads a fixture file: one JSON object with `projects`, `suites`, `sections`, `cases` and optionally
    /// `case_types`, `priorities`, `case_fields`, `templates`, `users`, `milestones`, `shared_steps` and `labels`,
    /// each a list of TestRail-shaped records.
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
            caseFields: try records("case_fields"),
            templates: file["templates"] == nil ? Dataset.standardTemplates : try records("templates"),
            users: try records("users"), milestones: try records("milestones"),
            sharedSteps: try records("shared_steps"), labels: try records("labels"))
    }

    /// TestRail's default case types.
    public static let standardCaseTypes: [[String: JSONValue]] = [
        "Acceptance", "Accessibility", "Automated", "Compatibility", "Destructive", "Functional", "Other",
        "Performance", "Regression", "Security", "Smoke & Sanity", "Usability",
    ].enumerated().map { index, name in
        ["id": .int(Int64(index + 1)), "name": .string(name), "is_default": .bool(name == "Other")]
    }

    /// The templates every TestRail instance since 5.2 starts with, shared by all projects.
    public static let standardTemplates: [[String: JSONValue]] = [
        "Test Case (Text)", "Test Case (Steps)", "Exploratory Session",
    ].enumerated().map { index, name in
        ["id": .int(Int64(index + 1)), "name": .string(name), "is_default": .bool(index == 0)]
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
