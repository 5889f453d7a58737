import Foundation
import TestRailAPI

/// Builds a seeded dataset from a ``GeneratorSpec``: the same spec always gives the same records, byte for byte.
///
/// Each case is drawn from a random stream of its own, keyed by (seed, suite, index) (``GeneratedCase``), not from
/// one stream for the whole instance: so ``makeLazily()`` can serve any page of a million-case instance without
/// generating the cases before it, and ``make()`` gives the same cases as records.
public struct DatasetGenerator: Sendable {
    public let spec: GeneratorSpec

    public init(_ spec: GeneratorSpec) {
        self.spec = spec
    }

    /// The left project's suite sizes for the spec: Zipf-like weights scaled so the pair holds `spec.cases`.
    ///
    /// | suites | cases  | skew | left suite sizes             | right suites        |
    /// |--------|--------|------|------------------------------|---------------------|
    /// | 3      | 500    | 0    | 167, 167                     | 1 (copy of the 1st) |
    /// | 31     | 36 000 | 1    | 5 374, 2 687, 1 791, … 336   | 15                  |
    public static func suiteSizes(suites: Int, cases: Int, skew: Double) -> [Int] {
        let left = (suites + 1) / 2
        let right = suites / 2
        guard left > 0 else { return [] }
        let weights = (0..<left).map { 1 / pow(Double($0 + 1), skew) }
        let share = weights.reduce(0, +) + weights.prefix(right).reduce(0, +)
        return weights.map { Int(($0 / share * Double(cases)).rounded()) }
    }

    /// The spec's instance with every case as a record: what tests edit, and what `--hostile-data` alters.
    public func make() -> Dataset {
        var dataset = makeLazily()
        guard let generated = dataset.generatedCases else { return dataset }
        dataset.generatedCases = nil
        dataset.cases.reserveCapacity(generated.count)
        for suiteID in generated.suiteIDs {
            dataset.cases += generated.cases(suiteID: suiteID).map(\.fields)
        }
        return dataset
    }

    /// The spec's instance with its cases generated on request (``Dataset/generatedCases``): projects, suites and
    /// sections as records, and for the cases only their order and drift, a few bytes each. The simulator serves
    /// it exactly as it serves ``make()``'s records.
    public func makeLazily() -> Dataset {
        var ids = IDs()
        var dataset = Dataset(caseFields: Self.caseFields)
        var generated = GeneratedCases(seed: spec.seed, drift: spec.drift)
        let sizes = Self.suiteSizes(suites: spec.suites, cases: spec.cases, skew: spec.skew)
        for pair in 0..<max(1, spec.pairs) {
            let leftID = ids.nextProject()
            let rightID = ids.nextProject()
            let label = spec.pairs > 1 ? " \(pair + 1)" : ""
            dataset.projects.append(project(leftID, "Generated\(label) (left)"))
            dataset.projects.append(project(rightID, "Generated\(label) (right)"))
            for (index, size) in sizes.enumerated() {
                let name = Self.suiteName(index)
                let left = makeSuite(projectID: leftID, name: name, ids: &ids, dataset: &dataset)
                generated.addSuite(id: left.id, firstCaseID: ids.testCase + 1, size: size, sectionIDs: left.sections)
                ids.testCase += size
                if index < spec.suites / 2 {
                    // The copy keeps the suite's name and section tree; its cases drift (GeneratedCases.addCopy).
                    let right = makeSuite(projectID: rightID, name: name, ids: &ids, dataset: &dataset)
                    ids.testCase += generated.addCopy(
                        id: right.id, firstCaseID: ids.testCase + 1, of: left.id,
                        added: Int((Double(size) * spec.drift * 0.3).rounded()), sectionIDs: right.sections)
                }
            }
        }
        dataset.generatedCases = generated
        return dataset
    }

    struct IDs {
        var project = 0, suite = 0, section = 0, testCase = 0
        mutating func nextProject() -> Int { project += 1; return project }
        mutating func nextSuite() -> Int { suite += 1; return suite }
        mutating func nextSection() -> Int { section += 1; return section }
    }

    private func project(_ id: Int, _ name: String) -> [String: JSONValue] {
        [
            "id": .int(Int64(id)), "name": .string(name), "announcement": nil, "show_announcement": false,
            "is_completed": false, "completed_on": nil, "suite_mode": .int(Int64(spec.suiteMode)),
            "url": .string("index.php?/projects/overview/\(id)"),
        ]
    }

    /// Appends a suite and its sections to `dataset`; returns the suite's id and its section ids by index.
    private func makeSuite(projectID: Int, name: String, ids: inout IDs, dataset: inout Dataset)
        -> (id: Int, sections: [Int])
    {
        let suiteID = ids.nextSuite()
        dataset.suites.append([
            "id": .int(Int64(suiteID)), "name": .string(name), "project_id": .int(Int64(projectID)),
            "description": nil, "is_master": .bool(spec.suiteMode == 1), "is_baseline": false,
            "is_completed": false, "completed_on": nil, "url": .string("index.php?/suites/view/\(suiteID)"),
        ])
        var sections: [Int] = []
        for index in 0..<max(1, spec.sectionsPerSuite) {
            let id = ids.nextSection()
            // Every third section nests under the one before it, so trees have depth; a child directly follows
            // its parent, so the tree lists sections in index order.
            let parent: JSONValue = index % 3 == 2 ? .int(Int64(sections[index - 1])) : .null
            dataset.sections.append([
                "id": .int(Int64(id)), "suite_id": .int(Int64(suiteID)), "name": .string(Self.sectionName(index)),
                "description": nil, "parent_id": parent, "depth": .int(parent == .null ? 0 : 1),
                "display_order": .int(Int64(index + 1)),
            ])
            sections.append(id)
        }
        return (suiteID, sections)
    }

    static func suiteName(_ index: Int) -> String {
        let base = areas[index % areas.count]
        return index < areas.count ? base : "\(base) \(index / areas.count + 1)"
    }

    static func sectionName(_ index: Int) -> String {
        sectionNames[index % sectionNames.count]
            + (index < sectionNames.count ? "" : " \(index / sectionNames.count + 1)")
    }

    static let areas = [
        "Checkout", "Accounts", "Search", "Payments", "Notifications", "Reporting", "Admin", "Onboarding", "Billing",
        "Inventory", "Shipping", "Returns", "Catalog", "Reviews", "Loyalty", "Support",
    ]
    static let sectionNames = [
        "Happy path", "Validation", "Edge cases", "Permissions", "Localization", "Performance", "Accessibility",
        "Recovery",
    ]
    static let caseFields: [[String: JSONValue]] = [
        ("custom_preconds", "Preconditions", 3), ("custom_steps_separated", "Steps", 10),
        ("custom_automation_id", "Automation ID", 1),
    ].enumerated().map { index, field in
        [
            "id": .int(Int64(index + 1)), "system_name": .string(field.0),
            "name": .string(String(field.0.dropFirst(7))),
            "label": .string(field.1), "type_id": .int(Int64(field.2)), "is_active": true, "configs": .array([]),
        ]
    }
}
