import Foundation
import TestRailAPI

/// Builds a seeded dataset from a ``GeneratorSpec``: the same spec always gives the same records, byte for byte.
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

    public func make() -> Dataset {
        var random = SeededRandom(seed: spec.seed)
        var ids = IDs()
        var dataset = Dataset(caseFields: Self.caseFields)
        for pair in 0..<max(1, spec.pairs) {
            let sizes = Self.suiteSizes(suites: spec.suites, cases: spec.cases, skew: spec.skew)
            let leftID = ids.nextProject()
            let rightID = ids.nextProject()
            let label = spec.pairs > 1 ? " \(pair + 1)" : ""
            dataset.projects.append(project(leftID, "Generated\(label) (left)"))
            dataset.projects.append(project(rightID, "Generated\(label) (right)"))
            for (index, size) in sizes.enumerated() {
                let name = Self.suiteName(index)
                let left = makeSuite(projectID: leftID, name: name, size: size, ids: &ids, random: &random)
                dataset.append(left)
                if index < spec.suites / 2 {
                    dataset.append(drifted(left, projectID: rightID, ids: &ids, random: &random))
                }
            }
        }
        return dataset
    }

    struct IDs {
        var project = 0, suite = 0, section = 0, testCase = 0
        mutating func nextProject() -> Int { project += 1; return project }
        mutating func nextSuite() -> Int { suite += 1; return suite }
        mutating func nextSection() -> Int { section += 1; return section }
        mutating func nextCase() -> Int { testCase += 1; return testCase }
    }

    struct GeneratedSuite {
        var suite: [String: JSONValue]
        var sections: [[String: JSONValue]]
        var cases: [[String: JSONValue]]
    }

    private func project(_ id: Int, _ name: String) -> [String: JSONValue] {
        [
            "id": .int(Int64(id)), "name": .string(name), "announcement": nil, "show_announcement": false,
            "is_completed": false, "completed_on": nil, "suite_mode": .int(Int64(spec.suiteMode)),
            "url": .string("index.php?/projects/overview/\(id)"),
        ]
    }

    private func makeSuite(projectID: Int, name: String, size: Int, ids: inout IDs, random: inout SeededRandom)
        -> GeneratedSuite
    {
        let suiteID = ids.nextSuite()
        let suite: [String: JSONValue] = [
            "id": .int(Int64(suiteID)), "name": .string(name), "project_id": .int(Int64(projectID)),
            "description": nil, "is_master": .bool(spec.suiteMode == 1), "is_baseline": false,
            "is_completed": false, "completed_on": nil, "url": .string("index.php?/suites/view/\(suiteID)"),
        ]
        var sections: [[String: JSONValue]] = []
        let count = max(1, spec.sectionsPerSuite)
        for index in 0..<count {
            let id = ids.nextSection()
            // Every third section nests under the one before it, so trees have depth.
            let parent: JSONValue = index % 3 == 2 ? sections[index - 1]["id"]! : .null
            sections.append([
                "id": .int(Int64(id)), "suite_id": .int(Int64(suiteID)), "name": .string(Self.sectionName(index)),
                "description": nil, "parent_id": parent, "depth": .int(parent == .null ? 0 : 1),
                "display_order": .int(Int64(index + 1)),
            ])
        }
        var cases: [[String: JSONValue]] = []
        for index in 0..<size {
            let section = sections[Int(random.next() % UInt64(count))]
            cases.append(
                makeCase(
                    id: ids.nextCase(), suiteID: suiteID, sectionID: section["id"]!.intValue!, index: index,
                    random: &random))
        }
        return GeneratedSuite(suite: suite, sections: sections, cases: cases)
    }

    private func makeCase(id: Int, suiteID: Int, sectionID: Int, index: Int, random: inout SeededRandom)
        -> [String: JSONValue]
    {
        let verb = Self.verbs[Int(random.next() % UInt64(Self.verbs.count))]
        let noun = Self.nouns[Int(random.next() % UInt64(Self.nouns.count))]
        let steps = (0..<Int(1 + random.next() % 3)).map { step -> JSONValue in
            .object([
                "content": .string("Step \(step + 1): \(verb.lowercased()) the \(noun)"),
                "expected": .string("The \(noun) is \(step == 0 ? "shown" : "updated")"),
            ])
        }
        return [
            "id": .int(Int64(id)), "title": .string("\(verb) \(noun) #\(index + 1)"),
            "section_id": .int(Int64(sectionID)), "suite_id": .int(Int64(suiteID)), "template_id": 2,
            "type_id": .int(Int64(1 + random.next() % 12)), "priority_id": .int(Int64(1 + random.next() % 4)),
            "milestone_id": nil, "refs": index % 7 == 0 ? .string("REQ-\(index)") : nil,
            "created_by": 1, "created_on": .int(1_700_000_000 + Int64(id)), "updated_by": 1,
            "updated_on": .int(1_700_000_000 + Int64(id)), "estimate": nil, "estimate_forecast": nil,
            "display_order": .int(Int64(index + 1)), "is_deleted": 0,
            "custom_preconds": .string("A signed-in user with access to the \(noun)."),
            "custom_steps_separated": .array(steps),
            "custom_automation_id": .string("auto.\(suiteID).\(index + 1)"),
        ]
    }

    /// Copies a suite into the right project, then changes, removes and adds about `drift` of its cases.
    private func drifted(_ source: GeneratedSuite, projectID: Int, ids: inout IDs, random: inout SeededRandom)
        -> GeneratedSuite
    {
        var copy = source
        let suiteID = ids.nextSuite()
        copy.suite["id"] = .int(Int64(suiteID))
        copy.suite["project_id"] = .int(Int64(projectID))
        copy.suite["url"] = .string("index.php?/suites/view/\(suiteID)")
        var sectionMap: [Int: Int] = [:]
        for index in copy.sections.indices {
            let newID = ids.nextSection()
            sectionMap[copy.sections[index]["id"]!.intValue!] = newID
            copy.sections[index]["id"] = .int(Int64(newID))
            copy.sections[index]["suite_id"] = .int(Int64(suiteID))
            if let parent = copy.sections[index]["parent_id"]?.intValue {
                copy.sections[index]["parent_id"] = .int(Int64(sectionMap[parent]!))
            }
        }
        var cases: [[String: JSONValue]] = []
        for var item in source.cases {
            let roll = Double(random.next() >> 11) / Double(1 << 53)
            if roll < spec.drift * 0.3 { continue }  // removed on the right
            let newID = ids.nextCase()
            item["id"] = .int(Int64(newID))
            item["suite_id"] = .int(Int64(suiteID))
            item["section_id"] = .int(Int64(sectionMap[item["section_id"]!.intValue!]!))
            if roll < spec.drift * 0.7 {
                item["priority_id"] = .int(Int64(1 + (item["priority_id"]!.intValue! % 4)))
            } else if roll < spec.drift {
                item["custom_preconds"] = .string("Changed after migration.")
            }
            cases.append(item)
        }
        let added = Int((Double(source.cases.count) * spec.drift * 0.3).rounded())
        for index in 0..<added {
            let section = copy.sections[Int(random.next() % UInt64(copy.sections.count))]
            cases.append(
                makeCase(
                    id: ids.nextCase(), suiteID: suiteID, sectionID: section["id"]!.intValue!,
                    index: source.cases.count + index, random: &random))
        }
        copy.cases = cases
        return copy
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
    static let verbs = ["Create", "Edit", "Delete", "View", "Export", "Import", "Search", "Filter", "Share", "Archive"]
    static let nouns = [
        "order", "invoice", "profile", "cart", "coupon", "report", "user", "address", "payment method", "wishlist",
        "receipt", "refund",
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

extension Dataset {
    mutating func append(_ suite: DatasetGenerator.GeneratedSuite) {
        suites.append(suite.suite)
        sections += suite.sections
        cases += suite.cases
    }
}
