import Foundation

/// A custom case field's definition: its system name (`custom_…`), type, and per-project configurations.
///
/// Every instance numbers its fields, dropdown options and contexts itself, so a field's values only mean something
/// through the configuration that applies to the case's own project (``configuration(forProject:)``).
public struct CaseField: Sendable, Hashable {
    /// TestRail's field types (`type_id`).
    public enum FieldType: Int, Sendable, Hashable, CaseIterable {
        case string = 1
        case integer = 2
        case text = 3
        case url = 4
        case checkbox = 5
        case dropdown = 6
        case user = 7
        case date = 8
        case milestone = 9
        case steps = 10
        case stepResults = 11
        case multiSelect = 12
        /// BDD scenarios (`custom_testrail_bdd_scenario`): a string holding JSON.
        case bddScenarios = 13
    }

    /// Where a configuration applies: every project, or the projects listed.
    public struct Context: Sendable, Hashable {
        public var isGlobal: Bool
        public var projectIDs: [Int]

        public init(isGlobal: Bool, projectIDs: [Int] = []) {
            self.isGlobal = isGlobal
            self.projectIDs = projectIDs
        }
    }

    /// The options of one configuration that give values their meaning.
    public struct Options: Sendable, Hashable {
        /// `markdown` or `plain` for Text and Steps fields (TestRail's editor); nil when not sent.
        public var format: String?
        /// Dropdown and multi-select choices: `"1, Low\n2, High"`, as TestRail sends them.
        public var items: String?
        public var isRequired: Bool
        public var hasExpected: Bool?

        public init(format: String? = nil, items: String? = nil, isRequired: Bool = false, hasExpected: Bool? = nil) {
            self.format = format
            self.items = items
            self.isRequired = isRequired
            self.hasExpected = hasExpected
        }

        /// The choices of `items` in the order listed: `"1, Low\n2, High"` is `[(1, "Low"), (2, "High")]`; lines
        /// that are not `id, label` are skipped.
        public var listedChoices: [(id: Int, label: String)] {
            var result: [(id: Int, label: String)] = []
            for line in (items ?? "").split(whereSeparator: \.isNewline) {
                guard let comma = line.firstIndex(of: ",") else { continue }
                let id = line[..<comma].trimmingCharacters(in: .whitespaces)
                guard let number = Int(id) else { continue }
                result.append((number, line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)))
            }
            return result
        }

        /// The choices of `items` by id: `"1, Low\n2, High"` is `[1: "Low", 2: "High"]`; an id listed twice keeps
        /// its first label.
        public var choices: [Int: String] {
            Dictionary(listedChoices.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// One configuration: a context and its options.
    public struct Configuration: Sendable, Hashable {
        public var id: String?
        public var context: Context
        public var options: Options

        public init(id: String? = nil, context: Context, options: Options) {
            self.id = id
            self.context = context
            self.options = options
        }
    }

    public var id: Int
    public var systemName: String
    public var label: String
    public var typeID: Int
    public var isActive: Bool
    public var configurations: [Configuration]

    public init(
        id: Int, systemName: String, label: String, typeID: Int, isActive: Bool = true,
        configurations: [Configuration] = []
    ) {
        self.id = id
        self.systemName = systemName
        self.label = label
        self.typeID = typeID
        self.isActive = isActive
        self.configurations = configurations
    }

    public var type: FieldType? { FieldType(rawValue: typeID) }

    /// The configuration that applies to `projectID`: one whose context lists the project, else the global one;
    /// nil when the field is not configured for the project at all.
    public func configuration(forProject projectID: Int) -> Configuration? {
        configurations.first { !$0.context.isGlobal && $0.context.projectIDs.contains(projectID) }
            ?? configurations.first { $0.context.isGlobal }
    }
}
