import TestRailAPI
import Testing

@testable import CasediffCore

/// Suites, sections, shared step sets, fields and templates compared beside the cases, each by meaning.
@Suite struct ResourceComparisonTests {
    typealias Support = ComparatorTestSupport

    static let every = Set(ProjectResource.allCases)

    func project(
        id: Int, sections: [Section] = [], suites: [Suite]? = nil, definitions: ProjectDefinitions = .init(),
        mode: Project.SuiteMode = .multipleSuites
    ) -> ProjectData {
        let suites = suites ?? [Suite(id: id * 100, name: "Checkout", projectID: id)]
        return ProjectData(
            instance: "https://example.test/", project: Project(id: id, name: "P\(id)", suiteMode: mode),
            suites: suites.map { suite in
                SuiteData(suite: suite, sections: sections.filter { $0.suiteID == suite.id }, cases: [])
            }, definitions: definitions)
    }

    func section(_ id: Int, _ name: String, parent: Int? = nil, order: Int = 1, description: String? = nil, suite: Int)
        -> Section
    {
        Section(id: id, suiteID: suite, name: name, description: description, parentID: parent, displayOrder: order)
    }

    func compare(_ left: ProjectData, _ right: ProjectData, _ options: ComparisonOptions) throws -> ComparisonReport {
        try ProjectComparator(options: options).compare(left, right)
    }

    /// Each differing record as `status path [fields]`.
    func lines(_ records: [CaseRecord]) -> [String] {
        records.filter { $0.status != .unchanged }.map { record in
            let side = record.current
            let path = side.sectionPath.isEmpty ? side.title : side.sectionPath + " > " + side.title
            return "\(record.status.rawValue) \(path) \(record.changes.map(\.field))"
        }
    }

    // MARK: Sections

    @Test func sectionsPairByPathWithEmptyOnesAndDescriptionsAsText() throws {
        let left = project(
            id: 1,
            sections: [
                section(1, "Cart", description: "The **cart**.", suite: 100),
                section(2, "Coupons", parent: 1, description: "Codes", suite: 100),
                section(3, "Gift cards", order: 2, suite: 100),
                section(4, "Payment", order: 3, description: "Cards and PayPal", suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(21, "Payment", order: 3, description: "<p>Cards and Apple Pay</p>", suite: 200),
                section(22, "Cart", description: "<p>The <strong>cart</strong>.</p>", suite: 200),
                section(23, "Coupons", parent: 22, description: "<p>Codes</p>", suite: 200),
                section(24, "Sorting", order: 4, suite: 200),
            ])
        let report = try compare(left, right, ComparisonOptions())
        let sections = try #require(report.suites[0].sections)
        #expect(
            lines(sections.records) == [
                "removed Gift cards []", "changed Payment [\"description\"]", "added Sorting []",
            ])
        #expect(sections.left == 4 && sections.right == 4)
        #expect(sections.counts == StatusCounts(added: 1, removed: 1, changed: 1, unchanged: 2, drift: 3))
        #expect(sections.records.allSatisfy { $0.resource == .sections })
        #expect(report.hasDrift && report.totals.drift == 0)
        #expect(report.driftDescription == "3 sections")
        let payment = try #require(sections.records.first { $0.status == .changed })
        #expect(payment.left?.id == 4 && payment.right?.id == 21 && payment.key == "Payment")
    }

    @Test func aRenamedSectionCarriesItsSubtreeAndAMovedOneToo() throws {
        let left = project(
            id: 1,
            sections: [
                section(1, "Profile", suite: 100), section(2, "Data export", parent: 1, suite: 100),
                section(3, "Formats", parent: 2, suite: 100), section(4, "Saved addresses", order: 2, suite: 100),
                section(5, "Default", parent: 4, suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(11, "Profile", suite: 200), section(12, "Data exports", parent: 11, suite: 200),
                section(13, "Formats", parent: 12, suite: 200),
                section(14, "Saved addresses", parent: 11, order: 2, suite: 200),
                section(15, "Default", parent: 14, suite: 200),
            ])
        let records = try #require(try compare(left, right, ComparisonOptions()).suites[0].sections).records
        #expect(
            lines(records) == [
                "renamed Profile > Data exports [\"name\"]", "moved Profile > Saved addresses [\"parent\"]",
            ])
        let moved = try #require(records.first { $0.status == .moved })
        #expect(moved.changes[0].old == .null && moved.changes[0].new == "Profile")
        #expect(moved.changes[0].kind == .moved)
        // Renames off: the renamed one is removed and added, its child follows neither.
        let off = try #require(
            try compare(left, right, ComparisonOptions(renameThreshold: 1)).suites[0].sections
        ).records
        #expect(lines(off).contains("removed Profile > Data export []"))
        #expect(lines(off).contains("added Profile > Data exports []"))
        // "Formats" is found under both, by the move pass.
        #expect(lines(off).contains("moved Profile > Data exports > Formats [\"parent\"]"))
    }

    @Test func aSectionMovedToTheTopFromAParentThatWentIsMovedBothWays() throws {
        let left = project(
            id: 1, sections: [section(1, "Archive", suite: 100), section(2, "Old stuff", parent: 1, suite: 100)])
        let right = project(id: 2, sections: [section(9, "Old stuff", suite: 200)])
        let forward = try #require(try compare(left, right, ComparisonOptions()).suites[0].sections).records
        #expect(lines(forward) == ["removed Archive []", "moved Old stuff [\"parent\"]"])
        let backward = try #require(try compare(right, left, ComparisonOptions()).suites[0].sections).records
        #expect(lines(backward) == ["added Archive []", "moved Archive > Old stuff [\"parent\"]"])
    }

    @Test func sectionsOfOneNamePairByWhatTheyHoldNotTheirOrder() throws {
        let left = project(
            id: 1,
            sections: [
                section(1, "Misc", order: 1, description: "Alpha notes", suite: 100),
                section(2, "Misc", order: 2, description: "Beta notes", suite: 100),
                section(3, "Sub", parent: 2, suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(7, "Misc", order: 1, description: "<p>Beta notes</p>", suite: 200),
                section(8, "Misc", order: 2, description: "Alpha notes", suite: 200),
                section(9, "Sub", parent: 7, suite: 200),
            ])
        let sections = try #require(try compare(left, right, ComparisonOptions()).suites[0].sections)
        #expect(sections.counts.unchanged == 3 && !sections.differs)
        // A cycle (corrupt data) is cut above the least name on it, whatever the ids; what hangs from it stays.
        let loops = [("Loop A", "Loop B"), ("Loop B", "Loop A")]
        let cyclic = loops.enumerated().map { index, _ in
            let base = index == 0 ? 10 : 50
            let suite = index == 0 ? 100 : 200
            let a = section(base + (index == 0 ? 0 : 2), "Loop A", parent: base + 1, suite: suite)
            let b = section(base + 1, "Loop B", parent: a.id, suite: suite)
            return project(
                id: index + 1, sections: [a, b, section(base + 5, "Child C", parent: a.id, suite: suite)])
        }
        let cut = try #require(try compare(cyclic[0], cyclic[1], ComparisonOptions()).suites[0].sections)
        #expect(!cut.differs, "\(lines(cut.records))")
        #expect(
            cut.records.map { $0.current.sectionPath + "/" + $0.current.title } == [
                "/Loop A", "Loop A/Child C", "Loop A/Loop B",
            ])
    }

    @Test func sectionsOfOneNamePairTheSameWhicheverSideIsTheLeft() throws {
        let left = project(
            id: 1,
            sections: [
                section(1, "Misc", order: 1, description: "X", suite: 100),
                section(2, "Misc", order: 2, description: "Y", suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(11, "Misc", order: 1, description: "Y", suite: 200),
                section(12, "Misc", order: 2, description: "Z", suite: 200),
            ])
        for (a, b) in [(left, right), (right, left)] {
            let sections = try #require(try compare(a, b, ComparisonOptions()).suites[0].sections)
            #expect(sections.counts.unchanged == 1 && sections.counts.changed == 1)
        }
    }

    @Test func aCommonNameIsNoMove() throws {
        // Two "Negative" sections under parents that went: nothing says which went where.
        let left = project(
            id: 1,
            sections: [
                section(1, "Feature A", suite: 100), section(2, "Negative", parent: 1, suite: 100),
                section(3, "Feature B", order: 2, suite: 100), section(4, "Negative", parent: 3, suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(11, "Login", suite: 200), section(12, "Negative", parent: 11, suite: 200),
                section(13, "Search", order: 2, suite: 200), section(14, "Negative", parent: 13, suite: 200),
            ])
        let sections = try #require(try compare(left, right, ComparisonOptions()).suites[0].sections)
        #expect(sections.counts.moved == 0 && sections.counts.removed == 4 && sections.counts.added == 4)
    }

    @Test func crossSuiteComparesTheSectionsOfEverySuiteOfAName() throws {
        let left = project(
            id: 1, sections: [section(1, "Sign-in", suite: 100), section(2, "Only in dup", suite: 101)],
            suites: [Suite(id: 100, name: "Accounts", projectID: 1), Suite(id: 101, name: "Accounts", projectID: 1)])
        let right = project(
            id: 2, sections: [section(9, "Sign-in", suite: 200)],
            suites: [Suite(id: 200, name: "Accounts", projectID: 2)])
        let across = try compare(left, right, ComparisonOptions(crossSuite: true))
        #expect(lines(try #require(across.suites[0].sections).records) == ["removed Only in dup []"])
    }

    @Test func siblingOrderIsComparedOnlyWhenFieldsAskAndAnAddedSiblingShiftsNothing() throws {
        let left = project(
            id: 1,
            sections: [
                section(1, "Sign-up", order: 1, suite: 100), section(2, "Sign-in", order: 2, suite: 100),
                section(3, "Profile", order: 3, suite: 100),
            ])
        let right = project(
            id: 2,
            sections: [
                section(10, "New", order: 1, suite: 200), section(11, "Sign-in", order: 20, suite: 200),
                section(12, "Sign-up", order: 30, suite: 200), section(13, "Profile", order: 40, suite: 200),
            ])
        let plain = try #require(try compare(left, right, ComparisonOptions()).suites[0].sections)
        #expect(lines(plain.records) == ["added New []"])
        let ordered = try #require(
            try compare(left, right, ComparisonOptions(fields: FieldSelection(only: ["title", "display_order"])))
                .suites[0].sections)
        #expect(
            lines(ordered.records) == [
                "added New []", "changed Sign-in [\"display_order\"]", "changed Sign-up [\"display_order\"]",
            ])
        let signIn = try #require(ordered.records.first { $0.current.title == "Sign-in" })
        #expect(signIn.changes[0].old == 2 && signIn.changes[0].new == 1)
    }

    @Test func sectionsAreLeftOutWhenResourcesLeaveThemOut() throws {
        let left = project(id: 1, sections: [section(1, "A", suite: 100)])
        let right = project(id: 2, sections: [])
        let report = try compare(left, right, ComparisonOptions(resources: [.cases]))
        #expect(report.suites[0].sections == nil && !report.hasDrift)
        #expect(report.resourceTotals.isEmpty && report.resources.isEmpty)
    }

    // MARK: Suites

    @Test func suitesCompareDescriptionAndFlagsAndASingleSuiteProjectsOnlySuiteIsRenamed() throws {
        let left = project(
            id: 1,
            suites: [
                Suite(id: 1, name: "Accounts", projectID: 1, description: "Sign-up and sign-in."),
                Suite(id: 2, name: "Search", projectID: 1),
            ])
        let right = project(
            id: 2,
            suites: [
                Suite(id: 5, name: "Search", projectID: 2, isCompleted: true),
                Suite(id: 6, name: "Accounts", projectID: 2, description: "<p>Sign-up and sign-in.</p>"),
                Suite(id: 7, name: "Archive", projectID: 2, isBaseline: true),
            ])
        let report = try compare(left, right, ComparisonOptions(resources: [.cases, .suites]))
        let suites = try #require(report.resources.first)
        #expect(suites.resource == .suites && suites.left == 2 && suites.right == 3)
        #expect(lines(suites.records) == ["added Archive []", "changed Search [\"is_completed\"]"])
        #expect(suites.records.first { $0.current.title == "Search" }?.changes[0].new == .bool(true))

        let cased = try compare(
            project(id: 1, suites: [Suite(id: 1, name: "Search", projectID: 1)], mode: .singleSuite),
            project(id: 2, suites: [Suite(id: 2, name: "search", projectID: 2)], mode: .singleSuite),
            ComparisonOptions(ignoreCase: true, resources: [.suites]))
        #expect(!cased.hasDrift, "--ignore-case reads suite names as it reads everything")

        let single = try compare(
            project(id: 1, suites: [Suite(id: 1, name: "Master", projectID: 1)], mode: .singleSuite),
            project(id: 2, suites: [Suite(id: 2, name: "Main", projectID: 2)], mode: .singleSuite),
            ComparisonOptions(resources: [.suites]))
        #expect(lines(single.resources[0].records) == ["renamed Main [\"name\"]"])
    }

    // MARK: Shared step sets

    @Test func sharedStepSetsPairByTitleThenByTheirSteps() throws {
        func set(_ id: Int, _ title: String, _ expected: String, project: Int) -> SharedStepSet {
            SharedStepSet(
                id: id, title: title, projectID: project,
                steps: [.object(["content": "Sign in", "expected": .string(expected)])])
        }
        let left = project(
            id: 1,
            definitions: ProjectDefinitions(sharedSteps: [
                set(17, "Sign in as a customer", "Home page", project: 1),
                set(18, "Empty the cart", "Cart is empty", project: 1),
                set(19, "Open the admin", "Dashboard", project: 1),
            ]))
        let right = project(
            id: 2,
            definitions: ProjectDefinitions(sharedSteps: [
                set(5, "Sign in as a customer", "<p>My account</p>", project: 2),
                set(6, "Open the administration", "Dashboard", project: 2),
                set(7, "Another project's set", "x", project: 9),
            ]))
        let report = try compare(left, right, ComparisonOptions(resources: [.sharedSteps]))
        let sets = report.resources[0]
        #expect(sets.records.allSatisfy { $0.key == $0.current.title }, "the key is the title as written")
        #expect(sets.left == 3 && sets.right == 2, "another project's set is not the project's")
        #expect(
            lines(sets.records) == [
                "removed Empty the cart []", "renamed Open the administration [\"title\"]",
                "changed Sign in as a customer [\"custom_steps_separated\"]",
            ])
        let changed = try #require(sets.records.first { $0.status == .changed })
        #expect(changed.changes.map(\.path) == ["/custom_steps_separated/0/expected"])
    }

    @Test func setsOfOneTitlePairTheSameWhicheverSideIsTheLeft() throws {
        func set(_ id: Int, _ content: String, project: Int) -> SharedStepSet {
            SharedStepSet(id: id, title: "Dup", projectID: project, steps: [.object(["content": .string(content)])])
        }
        let left = project(
            id: 1, definitions: ProjectDefinitions(sharedSteps: [set(801, "X", project: 1), set(802, "Y", project: 1)]))
        let right = project(
            id: 2, definitions: ProjectDefinitions(sharedSteps: [set(901, "Y", project: 2), set(902, "Z", project: 2)]))
        for (a, b) in [(left, right), (right, left)] {
            let sets = try compare(a, b, ComparisonOptions(resources: [.sharedSteps])).resources[0]
            #expect(sets.counts.unchanged == 1 && sets.counts.changed == 1)
        }
    }

    @Test func setsOfOneTitlePairByTheirStepsAndEmptySetsAreNoRename() throws {
        func set(_ id: Int, _ title: String, _ content: [String], project: Int) -> SharedStepSet {
            SharedStepSet(
                id: id, title: title, projectID: project, steps: content.map { .object(["content": .string($0)]) })
        }
        let left = project(
            id: 1,
            definitions: ProjectDefinitions(sharedSteps: [
                set(801, "Dup set", ["A"], project: 1), set(802, "Dup set", ["B"], project: 1),
                set(803, "Reset the test data", [], project: 1),
            ]))
        let right = project(
            id: 2,
            definitions: ProjectDefinitions(sharedSteps: [
                set(901, "Dup set", ["B"], project: 2), set(902, "Dup set", ["A"], project: 2),
                set(903, "Open the admin console", [], project: 2),
            ]))
        let sets = try compare(left, right, ComparisonOptions(resources: [.sharedSteps])).resources[0]
        #expect(lines(sets.records) == ["added Open the admin console []", "removed Reset the test data []"])
        #expect(sets.counts.unchanged == 2)
    }

    // MARK: Fields

    @Test func fieldsCompareLabelTypeAndOptionLabelsOfTheProjectsConfiguration() throws {
        func field(
            _ id: Int, _ name: String, _ label: String, type: Int, items: String? = nil, project: Int? = nil,
            active: Bool = true
        ) -> CaseField {
            CaseField(
                id: id, systemName: name, label: label, typeID: type, isActive: active,
                configurations: [
                    .init(
                        context: .init(isGlobal: project == nil, projectIDs: project.map { [$0] } ?? []),
                        options: .init(items: items))
                ])
        }
        let left = project(
            id: 12,
            definitions: ProjectDefinitions(caseFields: [
                field(
                    14, "custom_automation_type", "Automation Type", type: 6, items: "0, None\n1, Manual\n2, Automated"),
                field(17, "custom_platforms", "Platforms", type: 12, items: "1, Web\n2, iOS\n5, Smart TV"),
                field(20, "custom_target_release", "Target Release", type: 9),
                field(24, "custom_legacy_id", "Legacy ID", type: 1),
                field(25, "custom_retired", "Retired", type: 1, active: false),
                field(26, "custom_kind", "Kind", type: 1),
            ]))
        let right = project(
            id: 3,
            definitions: ProjectDefinitions(caseFields: [
                CaseField(
                    id: 12, systemName: "custom_automation_type", label: "Automation Type", typeID: 6,
                    configurations: [
                        .init(
                            context: .init(isGlobal: true),
                            options: .init(items: "1, Not applicable\n3, Manual\n5, Automated\n7, Scripted")),
                        .init(
                            context: .init(isGlobal: false, projectIDs: [3]),
                            options: .init(items: "3, Automated\n5, Manual\n9, None")),
                    ]),
                field(11, "custom_platforms", "Platforms", type: 12, items: "7, Web\n8, iOS"),
                field(18, "custom_target_release", "Target Version", type: 9),
                field(19, "custom_other_project", "Other", type: 1, project: 4),
                field(21, "custom_kind", "Kind", type: 6, items: "1, A"),
            ]))
        let report = try compare(left, right, ComparisonOptions(resources: [.fields]))
        let fields = report.resources[0]
        #expect(fields.left == 5 && fields.right == 4, "inactive fields and other projects' are not the project's")
        #expect(
            lines(fields.records) == [
                "changed custom_kind [\"type\", \"options\"]", "removed custom_legacy_id []",
                "changed custom_platforms [\"options\"]", "changed custom_target_release [\"label\"]",
            ])
        let platforms = try #require(fields.records.first { $0.current.title == "custom_platforms" })
        #expect(platforms.changes[0].old == .array(["Web", "iOS", "Smart TV"]))
        #expect(platforms.changes[0].new == .array(["Web", "iOS"]))
        let kind = try #require(fields.records.first { $0.current.title == "custom_kind" })
        #expect(kind.changes[0].old == "String" && kind.changes[0].new == "Dropdown")
    }

    // MARK: Templates

    @Test func templatesAreAddedOrRemovedAndTheDefaultIsNotDrift() throws {
        let left = project(
            id: 1,
            definitions: ProjectDefinitions(templates: [
                Template(id: 1, name: "Test Case (Text)", isDefault: true), Template(id: 2, name: "Test Case (Steps)"),
                Template(id: 4, name: "Test Case (Legacy)"),
            ]))
        let right = project(
            id: 2,
            definitions: ProjectDefinitions(templates: [
                Template(id: 4, name: "Test Case (Text)"), Template(id: 5, name: "Test Case (Steps)", isDefault: true),
                Template(id: 7, name: "Behaviour Driven Development"),
            ]))
        let report = try compare(left, right, ComparisonOptions(resources: [.templates]))
        #expect(
            lines(report.resources[0].records) == [
                "added Behaviour Driven Development []", "removed Test Case (Legacy) []",
            ])
        #expect(report.resources[0].counts.unchanged == 2)
    }

    @Test func aListOneSideDoesNotKnowIsAnErrorNamingIt() throws {
        let left = project(id: 1, definitions: ProjectDefinitions(sharedSteps: []))
        var right = project(
            id: 2, definitions: ProjectDefinitions(notes: ["the shared steps could not be read (400: unknown method)"]))
        #expect {
            try compare(left, right, ComparisonOptions(resources: [.sharedSteps]))
        } throws: { error in
            "\(error)".contains("cannot compare shared step sets: the right project's list is not known")
                && "\(error)".contains("(the shared steps could not be read (400: unknown method))")
                && "\(error)".contains("shared-steps out of --resources")
        }
        right.definitions.sharedSteps = []
        #expect(try compare(left, right, ComparisonOptions(resources: [.sharedSteps])).resources[0].records.isEmpty)
        // Not asked for, not needed.
        right.definitions.sharedSteps = nil
        #expect(try compare(left, right, ComparisonOptions()).resources.isEmpty)
    }

    // MARK: What counts as drift

    @Test func failOnReadsKindsPerResource() throws {
        let rule = try #require(DriftRule(parsing: "cases:added,removed,sections"))
        #expect(rule[.cases] == [.added, .removed])
        #expect(rule[.sections] == Set(CaseStatus.driftKinds))
        #expect(rule[.fields].isEmpty && rule.namedResources == [.cases, .sections])
        #expect(
            rule.description(for: [.cases, .sections])
                == "cases: added, removed; sections: added, removed, changed, moved, renamed")

        let bare = try #require(DriftRule(parsing: "added, removed"))
        #expect(ProjectResource.allCases.allSatisfy { bare[$0] == [.added, .removed] })
        #expect(bare.namedResources.isEmpty && bare.description(for: [.cases, .sections]) == "added, removed")

        let mixed = try #require(DriftRule(parsing: "removed,fields:changed,added,shared-steps"))
        #expect(mixed[.fields] == [.removed, .changed, .added] && mixed[.cases] == [.removed])
        #expect(mixed[.sharedSteps] == Set(CaseStatus.driftKinds))

        #expect(DriftRule(parsing: "none")?.kinds.isEmpty == true)
        for bad in ["", "sideways", "cases:unchanged", "cases:", "widgets:added", "unchanged"] {
            #expect(DriftRule(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func aResourceLeftOutOfFailOnIsReportedButIsNotDrift() throws {
        let left = project(id: 1, sections: [section(1, "Gift cards", suite: 100)])
        let right = project(id: 2)
        let rule = try #require(DriftRule(parsing: "cases"))
        let report = try compare(left, right, ComparisonOptions(drift: rule))
        let sections = try #require(report.suites[0].sections)
        #expect(sections.counts.removed == 1 && sections.counts.drift == 0 && !sections.records[0].drift)
        #expect(!report.hasDrift && report.driftDescription.isEmpty)
        #expect(report.options.failOnDescription == "cases: added, removed, changed, moved, renamed")
    }

    @Test func withoutCasesTheCasesAreCountedNotCompared() throws {
        let left = Support.makeProject(suites: [("S", [Support.makeCase(1, "A")])])
        let right = Support.makeProject(id: 2, suites: [("S", [Support.makeCase(2, "B")])])
        let report = try compare(left, right, ComparisonOptions(resources: [.sections]))
        #expect(report.suites[0].records.isEmpty && report.totals.total == 0)
        #expect(report.suites[0].leftCases == 1 && !report.hasDrift)
        #expect(try compare(left, right, ComparisonOptions()).hasDrift)
    }

    @Test func theStreamedComparisonGivesTheWholeOnesResources() throws {
        let left = project(
            id: 1, sections: [section(1, "A", suite: 100), section(2, "B", suite: 100)],
            definitions: ProjectDefinitions(templates: [Template(id: 1, name: "T")]))
        let right = project(id: 2, sections: [section(3, "A", description: "new", suite: 200)])
        let options = ComparisonOptions(resources: [.cases, .sections, .suites])
        let whole = try compare(left, right, options)
        var streamed = try IncrementalComparison(
            options: options, left: left, right: right,
            listings: [.left: left.suites.map(\.suite), .right: right.suites.map(\.suite)], holdAll: false)
        var sections: [ResourceComparison] = []
        for (side, data) in [(Side.left, left), (.right, right)] {
            for suite in data.suites {
                for work in streamed.add(suite, side: side) {
                    let result = work.run()
                    sections += result.suite.sections.map { [$0] } ?? []
                    streamed.record(result)
                }
            }
        }
        var report = try streamed.finish()
        sections += report.suites.compactMap(\.sections).filter { !$0.records.isEmpty }
        #expect(sections == whole.suites.compactMap(\.sections))
        report.suites = report.suites.map(\.withoutRecords)
        #expect(report.resources == whole.resources)
        #expect(report.driftCount == whole.driftCount && whole.driftCount == 2)
    }
}
