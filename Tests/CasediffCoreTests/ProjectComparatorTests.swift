import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct ProjectComparatorTests {
    typealias Support = ComparatorTestSupport

    func compare(
        _ left: ProjectData, _ right: ProjectData, _ options: ComparisonOptions = .init()
    ) throws -> ComparisonReport {
        try ProjectComparator(options: options).compare(left, right)
    }

    func one(_ left: [TestCase], _ right: [TestCase], _ options: ComparisonOptions = .init()) throws -> SuiteComparison
    {
        try compare(
            Support.makeProject(suites: [("S", left)]), Support.makeProject(id: 2, suites: [("S", right)]), options
        ).suites[0]
    }

    @Test func classifiesAddedRemovedChangedAndUnchanged() throws {
        let left = [Support.makeCase(1, "Pay"), Support.makeCase(2, "Refund"), Support.makeCase(3, "Old")]
        let right = [
            Support.makeCase(11, "Pay"), Support.makeCase(12, "Refund", priority: 3), Support.makeCase(13, "New"),
        ]
        let suite = try one(left, right)
        #expect(suite.counts == StatusCounts(added: 1, removed: 1, changed: 1, unchanged: 1, drift: 3))
        #expect(suite.records.map(\.status) == [.added, .removed, .unchanged, .changed])
        #expect(suite.records.map(\.key) == ["New", "Old", "Pay", "Refund"])
        #expect(
            suite.records[3].changes == [FieldChange(field: "priority", old: "Medium", new: "High", kind: .changed)])
        #expect(suite.records[3].changes[0].path == "/priority")
    }

    @Test func typeAndPriorityAreComparedByNameNotID() throws {
        let left = Support.makeProject(suites: [("S", [Support.makeCase(1, "A", type: 1, priority: 2)])])
        let right = Support.makeProject(
            id: 2, suites: [("S", [Support.makeCase(9, "A", type: 7, priority: 8)])],
            caseTypes: [CaseType(id: 7, name: "Functional")], priorities: [Priority(id: 8, name: "Medium")])
        #expect(try !compare(left, right).hasDrift)
    }

    @Test func absentNullEmptyAndBlankAreTheSameValue() throws {
        let left = [Support.makeCase(1, "A", refs: nil, custom: ["custom_notes": .null, "custom_steps": .array([])])]
        let right = [Support.makeCase(2, "A", refs: "  ", custom: ["custom_notes": "", "custom_steps": .null])]
        #expect(try one(left, right).counts.unchanged == 1)
    }

    @Test func aCaseInAnotherSectionIsMovedWithItsOtherChanges() throws {
        let suite = try one(
            [Support.makeCase(1, "A", section: 1, refs: "R1")], [Support.makeCase(2, "A", section: 2, refs: "R2")])
        let record = try #require(suite.records.first)
        #expect(record.status == .moved)
        #expect(record.changes.map(\.path) == ["/section", "/refs"])
        #expect(record.changes[0].old == "Root" && record.changes[0].new == "Other")
        #expect(record.kinds == [.moved, .changed])
    }

    @Test func nearTitlesInOneSectionAreRenamedAndFarOnesAreNot() throws {
        let left = [
            Support.makeCase(1, "Reject an expired coupon"), Support.makeCase(2, "Pay by card"),
            Support.makeCase(3, "Sign in with Google", section: 2),
        ]
        let right = [
            Support.makeCase(11, "Reject expired coupon"), Support.makeCase(12, "Refund an order"),
            Support.makeCase(13, "Sign in with Google SSO", section: 1),
        ]
        let suite = try one(left, right)
        let renamed = suite.records.filter { $0.status == .renamed }
        #expect(renamed.count == 1)
        #expect(renamed.first?.left?.id == 1 && renamed.first?.right?.id == 11)
        #expect(
            renamed.first?.changes.first
                == FieldChange(
                    field: "title", old: "Reject an expired coupon", new: "Reject expired coupon", kind: .renamed))
        // Far titles, and near titles in different sections, stay removed and added.
        #expect(suite.counts == StatusCounts(added: 2, removed: 2, renamed: 1, drift: 5))

        let off = try one(left, right, ComparisonOptions(renameThreshold: 1))
        #expect(off.counts == StatusCounts(added: 3, removed: 3, drift: 6))
    }

    @Test func theMostSimilarRenameWins() throws {
        let suite = try one(
            [Support.makeCase(1, "Export orders to CSV file")],
            [Support.makeCase(11, "Export orders to a CSV file"), Support.makeCase(12, "Export orders to CSV files")])
        let renamed = try #require(suite.records.first { $0.status == .renamed })
        #expect(renamed.right?.id == 12)
    }

    @Test func duplicateKeysAreReportedAndPairBySectionThenSimilarity() throws {
        let left = [
            Support.makeCase(5, "Dup", section: 2), Support.makeCase(4, "Dup", section: 1),
            Support.makeCase(6, "Twin", priority: 3), Support.makeCase(7, "Twin", priority: 1),
        ]
        let right = [
            Support.makeCase(30, "Dup", section: 2), Support.makeCase(20, "Dup", section: 1),
            Support.makeCase(10, "Dup", section: 1),
            Support.makeCase(40, "Twin", section: 2, priority: 1),
            Support.makeCase(41, "Twin", section: 2, priority: 3),
        ]
        let report = try compare(
            Support.makeProject(suites: [("S", left)]), Support.makeProject(id: 2, suites: [("S", right)]))
        #expect(
            report.duplicates == [
                DuplicateKey(suite: "S", key: "Dup", left: 2, right: 3),
                DuplicateKey(suite: "S", key: "Twin", left: 2, right: 2),
            ])
        let records = report.suites[0].records
        #expect(records.allSatisfy { $0.duplicate })
        // Dup: same sections pair first (4↔10 in Root by id, 5↔30 in Other); C20 is the surplus.
        let dup = records.filter { $0.key == "Dup" }.map {
            "\($0.status.rawValue) \($0.left?.id ?? 0)-\($0.right?.id ?? 0)"
        }
        #expect(dup.sorted() == ["added 0-20", "unchanged 4-10", "unchanged 5-30"])
        // Twin: no same-section partner, so by similarity: equal priorities pair (6↔41, 7↔40), both moved only.
        let twin = records.filter { $0.key == "Twin" }
        #expect(Set(twin.map { "\($0.left!.id)-\($0.right!.id)" }) == ["6-41", "7-40"])
        #expect(twin.allSatisfy { $0.status == .moved && $0.changes.count == 1 })
    }

    @Test func stepsAreComparedStepByStep() throws {
        func steps(_ pairs: [(String, String)]) -> [String: JSONValue] {
            [
                "custom_steps_separated": .array(
                    pairs.map { .object(["content": .string($0.0), "expected": .string($0.1)]) })
            ]
        }
        let left = [
            Support.makeCase(1, "Insert", custom: steps([("Open", "Shown"), ("Pay", "Paid")])),
            Support.makeCase(2, "Edit", custom: steps([("Open", "Shown"), ("Pay", "Paid")])),
        ]
        let right = [
            Support.makeCase(
                11, "Insert", custom: steps([("Open", "Shown"), ("Log in", "Signed in"), ("Pay", "Paid")])),
            Support.makeCase(12, "Edit", custom: steps([("Open", "Shown"), ("Pay", "Paid and e-mailed")])),
        ]
        let records = try one(left, right).records
        let edit = try #require(records.first { $0.key == "Edit" })
        #expect(edit.changes.map(\.path) == ["/custom_steps_separated/1/expected"])
        #expect(edit.changes.first?.old == "Paid" && edit.changes.first?.new == "Paid and e-mailed")
        let insert = try #require(records.first { $0.key == "Insert" })
        #expect(insert.changes.map(\.path) == ["/custom_steps_separated/1"])
        #expect(insert.changes.first?.old == .null)
    }

    @Test func richTextIsComparedAsTextAndUnicodeAsNFC() throws {
        let left = [
            Support.makeCase(1, "Caf\u{E9}", custom: ["custom_preconds": "<p>A <b>valid</b> coupon.</p>"]),
            Support.makeCase(2, "  Pay   by card ", custom: ["custom_preconds": "<p>Old</p>"]),
        ]
        let right = [
            Support.makeCase(
                11, "Cafe\u{301}", custom: ["custom_preconds": "<div>A&nbsp;<strong>valid</strong>  coupon.</div>"]),
            Support.makeCase(12, "Pay by card", custom: ["custom_preconds": "<p>New</p>"]),
        ]
        let suite = try one(left, right)
        #expect(suite.counts == StatusCounts(changed: 1, unchanged: 1, drift: 1))
        let changed = try #require(suite.records.first { $0.status == .changed })
        // The change shows the values as TestRail sent them.
        #expect(
            changed.changes == [
                FieldChange(field: "custom_preconds", old: "<p>Old</p>", new: "<p>New</p>", kind: .changed)
            ])
        #expect(changed.key == "Pay by card")
    }

    @Test func ignoreCaseFoldsKeysAndText() throws {
        let left = [Support.makeCase(1, "Pay By Card", refs: "shop-1")]
        let right = [Support.makeCase(2, "pay by card", refs: "SHOP-1")]
        #expect(try one(left, right).counts == StatusCounts(added: 1, removed: 1, drift: 2))
        #expect(try one(left, right, ComparisonOptions(ignoreCase: true)).counts == StatusCounts(unchanged: 1))
    }

    @Test func matchingByPathMakesAMoveARemovalAndAnAddition() throws {
        let suite = try one(
            [Support.makeCase(1, "A", section: 1)], [Support.makeCase(2, "A", section: 2)],
            ComparisonOptions(match: .path))
        #expect(suite.counts == StatusCounts(added: 1, removed: 1, drift: 2))
        #expect(suite.records.map(\.key).sorted() == ["Other > A", "Root > A"])
    }

    @Test func matchingByIDSeesRenamesAndMoves() throws {
        let suite = try one(
            [Support.makeCase(1, "Old title"), Support.makeCase(2, "Stays", section: 1), Support.makeCase(3, "Gone")],
            [Support.makeCase(1, "New title"), Support.makeCase(2, "Stays", section: 2), Support.makeCase(4, "New")],
            ComparisonOptions(match: .id))
        #expect(suite.counts == StatusCounts(added: 1, removed: 1, moved: 1, renamed: 1, drift: 4))
        #expect(suite.records.first { $0.status == .renamed }?.key == "C1")
    }

    @Test func matchingByAFieldPairsAcrossTitlesAndCountsCasesWithoutIt() throws {
        let report = try compare(
            Support.makeProject(suites: [
                (
                    "S",
                    [
                        Support.makeCase(1, "Login", custom: ["custom_automation_id": "auth.login"]),
                        Support.makeCase(2, "Manual check", custom: ["custom_automation_id": .null]),
                    ]
                )
            ]),
            Support.makeProject(
                id: 2, suites: [("S", [Support.makeCase(9, "Log in", custom: ["custom_automation_id": "auth.login"])])]),
            ComparisonOptions(match: MatchKey("field:automation_id")!))
        #expect(report.suites[0].counts == StatusCounts(removed: 1, renamed: 1, drift: 2))
        #expect(report.keylessLeft == 1 && report.keylessRight == 0)
        #expect(throws: CasediffError.self) {
            _ = try compare(
                Support.makeProject(suites: [("S", [])]), Support.makeProject(id: 2, suites: [("S", [])]),
                ComparisonOptions(match: MatchKey("field:custom_nothing")!))
        }
    }

    /// `--match field:`: a case without the field's value is matched by its title, so a manual case (no automation
    /// id) is compared like any other instead of showing as removed and added.
    @Test func casesWithoutTheMatchFieldFallBackToTheirTitle() throws {
        func auto(_ id: String?) -> [String: JSONValue] { ["custom_automation_id": id.map(JSONValue.string) ?? .null] }
        let left = [
            Support.makeCase(1, "Login", custom: auto("auth.login")),
            Support.makeCase(2, "Manual check", custom: auto(nil)),
            Support.makeCase(3, "Manual export", priority: 1, custom: auto(nil)),
            Support.makeCase(4, "Gets an id", custom: auto(nil)),
            Support.makeCase(5, "Same title", custom: auto("a.one")),
            Support.makeCase(6, "Manual only left", custom: auto(nil)),
        ]
        let right = [
            Support.makeCase(11, "Login", custom: auto("auth.login")),
            Support.makeCase(12, "Manual check", custom: auto(nil)),
            Support.makeCase(13, "Manual export", priority: 3, custom: auto(nil)),
            Support.makeCase(14, "Gets an id", custom: auto("new.id")),
            Support.makeCase(15, "Same title", custom: auto("a.two")),
        ]
        let report = try compare(
            Support.makeProject(suites: [("S", left)]), Support.makeProject(id: 2, suites: [("S", right)]),
            ComparisonOptions(match: MatchKey("field:automation_id")!))
        let records = report.suites[0].records
        func record(_ title: String) -> [CaseStatus] { records.filter { $0.current.title == title }.map(\.status) }
        #expect(record("Manual check") == [.unchanged])
        #expect(record("Manual export") == [.changed])
        // A key given on one side is a change of that field, not a removed and an added case.
        let gotID = try #require(records.first { $0.current.title == "Gets an id" })
        #expect(gotID.status == .changed && gotID.changes.map(\.field) == ["custom_automation_id"])
        // Two different keys are two different cases, whatever their titles.
        #expect(record("Same title").sorted() == [.added, .removed])
        #expect(record("Manual only left") == [.removed])
        #expect(report.keylessLeft == 4 && report.keylessRight == 2 && report.keylessPairedByTitle == 3)
        #expect(report.totals == StatusCounts(added: 1, removed: 2, changed: 2, unchanged: 2, drift: 5))
    }

    /// A keyless case pairs only by its exact title, never as a rename (a gate without `renamed` must still fail on
    /// a keyless case replaced by another), and with a case of its own section before one elsewhere.
    @Test func keylessCasesPairByExactTitleInTheirSectionFirst() throws {
        func auto(_ id: String?) -> [String: JSONValue] { ["custom_automation_id": id.map(JSONValue.string) ?? .null] }
        let left = [
            Support.makeCase(1, "Export the orders report as CSV", custom: auto(nil)),
            Support.makeCase(2, "Happy path", section: 1, custom: auto(nil)),
        ]
        let right = [
            Support.makeCase(11, "Export the orders report as PDF", custom: auto(nil)),
            Support.makeCase(12, "Happy path", section: 2, custom: auto(nil)),
            Support.makeCase(13, "Happy path", section: 1, custom: auto("cart.happy")),
        ]
        let report = try compare(
            Support.makeProject(suites: [("S", left)]), Support.makeProject(id: 2, suites: [("S", right)]),
            ComparisonOptions(match: MatchKey("field:automation_id")!, failOn: [.added, .removed, .changed]))
        let records = report.suites[0].records
        func statuses(_ title: String) -> [CaseStatus] {
            records.filter { $0.current.title == title || $0.left?.title == title }.map(\.status).sorted()
        }
        #expect(statuses("Export the orders report as CSV") == [.removed])
        #expect(statuses("Export the orders report as PDF") == [.added])
        let happy = try #require(records.first { $0.left?.id == 2 })
        #expect(happy.right?.id == 13 && happy.status == .changed)
        #expect(records.first { $0.right?.id == 12 }?.status == .added)
        #expect(report.keylessPairedByTitle == 1 && report.hasDrift)
    }

    @Test func anUnknownMatchFieldIsNamedAsTyped() throws {
        let empty = Support.makeProject(suites: [("S", [Support.makeCase(1, "A", custom: ["custom_owner": "x"])])])
        let other = Support.makeProject(
            id: 2, suites: [("S", [Support.makeCase(2, "A", custom: ["custom_owner": "x"])])])
        #expect {
            _ = try compare(empty, other, ComparisonOptions(match: MatchKey("field:nope")!))
        } throws: { error in
            "\(error)"
                == "--match field:nope: neither project has this field (custom_nope); custom fields: custom_owner"
        }
        #expect {
            _ = try compare(empty, other, ComparisonOptions(match: MatchKey("field:custom_nope")!))
        } throws: { error in
            "\(error)" == "--match field:custom_nope: neither project has this field; custom fields: custom_owner"
        }
    }

    @Test func crossSuiteMatchingSeesACaseMovedToAnotherSuite() throws {
        let left = Support.makeProject(suites: [("A", [Support.makeCase(1, "Travels")]), ("B", [])])
        let right = Support.makeProject(id: 2, suites: [("A", []), ("B", [Support.makeCase(2, "Travels")])])
        #expect(try compare(left, right).totals == StatusCounts(added: 1, removed: 1, drift: 2))
        let report = try compare(left, right, ComparisonOptions(crossSuite: true))
        #expect(report.totals == StatusCounts(moved: 1, drift: 1))
        let record = try #require(report.suites.first { $0.name == "B" }?.records.first)
        #expect(record.changes == [FieldChange(field: "section", old: "A > Root", new: "B > Root", kind: .moved)])
        #expect(report.suites.map(\.leftCases) == [1, 0] && report.suites.map(\.rightCases) == [0, 1])
    }

    @Test func suiteScopeAndUnknownSuites() throws {
        let left = Support.makeProject(suites: [
            ("Keep", [Support.makeCase(1, "A")]), ("Skip", [Support.makeCase(2, "B")]),
        ])
        let right = Support.makeProject(id: 2, suites: [("Keep", [Support.makeCase(3, "A")]), ("Skip", [])])
        let report = try compare(left, right, ComparisonOptions(suites: [" keep "]))
        #expect(report.suites.map(\.name) == ["Keep"] && !report.hasDrift && report.left.cases == 1)
        let error = try #require(throws: CasediffError.self) {
            _ = try compare(left, right, ComparisonOptions(suites: ["Nope"]))
        }
        #expect(error.description == "suite 'Nope' not found in either project (suites: Keep, Skip)")
    }

    @Test func fieldSelection() throws {
        let left = [Support.makeCase(1, "A", priority: 1, refs: "R1", custom: ["custom_x": 1, "custom_left": 1])]
        let right = [Support.makeCase(2, "A", priority: 3, refs: "R2", custom: ["custom_x": 2, "custom_right": 1])]
        let all = try compare(
            Support.makeProject(suites: [("S", left)]), Support.makeProject(id: 2, suites: [("S", right)]))
        #expect(all.suites[0].records[0].changes.map(\.field) == ["priority", "refs", "custom_x"])
        #expect(
            all.comparedFields.map(\.name) == [
                "title", "section", "type", "priority", "template", "refs", "labels", "estimate", "custom_x",
            ])
        #expect(
            all.oneSidedFields == [
                .init(field: "custom_left", side: "left"), .init(field: "custom_right", side: "right"),
            ])
        let only = try one(left, right, ComparisonOptions(fields: FieldSelection(only: ["refs", "left"])))
        #expect(only.records[0].changes.map(\.field) == ["refs", "custom_left"])
        let ignored = try one(left, right, ComparisonOptions(fields: FieldSelection(ignored: ["priority", "x"])))
        #expect(ignored.records[0].changes.map(\.field) == ["refs"])
        #expect(throws: CasediffError.self) {
            _ = try one(left, right, ComparisonOptions(fields: FieldSelection(only: ["colour"])))
        }
    }

    @Test func idsTimestampsAndOrderAreIgnoredUnlessAsked() throws {
        var a = Support.makeCase(1, "A")
        a.updatedOn = 1
        a.displayOrder = 1
        a.milestoneID = 3
        var b = Support.makeCase(2, "A")
        b.updatedOn = 2
        b.displayOrder = 5
        #expect(try one([a], [b]).counts.unchanged == 1)
        let asked = try one(
            [a], [b], ComparisonOptions(fields: FieldSelection(only: ["display_order", "milestone_id"])))
        #expect(asked.records[0].changes.map(\.field) == ["milestone", "display_order"])
    }

    @Test func multiSelectValuesCompareAsSets() throws {
        let suite = try one(
            [Support.makeCase(1, "A", custom: ["custom_platforms": .array([1, 2, 3])])],
            [Support.makeCase(2, "A", custom: ["custom_platforms": .array([3, 1, 2])])])
        #expect(suite.counts.unchanged == 1)
    }

    @Test func failOnDecidesWhatCountsAsDrift() throws {
        let left = [Support.makeCase(1, "A", section: 1), Support.makeCase(2, "B", refs: "x")]
        let right = [Support.makeCase(11, "A", section: 2), Support.makeCase(12, "B", refs: "y")]
        let onlyAdded = try one(left, right, ComparisonOptions(failOn: [.added]))
        #expect(onlyAdded.counts.drift == 0 && onlyAdded.records.allSatisfy { !$0.drift })
        let moves = try one(left, right, ComparisonOptions(failOn: [.moved]))
        #expect(moves.records.filter(\.drift).map(\.key) == ["A"])
    }

    @Test func suitesOnOneSideOnlyAreAllAddedOrRemoved() throws {
        let left = Support.makeProject(suites: [("Gone", [Support.makeCase(1, "A"), Support.makeCase(2, "B")])])
        let right = Support.makeProject(id: 2, suites: [("New", [Support.makeCase(3, "C")])])
        let report = try compare(left, right)
        #expect(report.suites.map(\.name) == ["Gone", "New"])
        #expect(report.suites[0].rightSuiteID == nil && report.suites[0].counts.removed == 2)
        #expect(report.suites[1].leftSuiteID == nil && report.suites[1].counts.added == 1)
    }

    @Test func singleSuiteProjectsPairTheirOnlySuitesWhateverTheNames() throws {
        let left = Support.makeProject(mode: .singleSuite, suites: [("Master", [Support.makeCase(1, "A")])])
        let right = Support.makeProject(id: 2, mode: .singleSuite, suites: [("Main", [Support.makeCase(2, "A")])])
        let report = try compare(left, right)
        #expect(report.suites.count == 1 && report.totals.unchanged == 1)
    }

    @Test func theResultDoesNotDependOnServerOrder() throws {
        let cases = (1...40).map {
            Support.makeCase($0, "Case \($0 % 13)", section: 1 + $0 % 2, priority: 1 + $0 % 3)
        }
        let left = Support.makeProject(suites: [("S", cases)])
        let changed = cases.map {
            var c = $0
            c.id += 100
            c.refs = "R\($0.id % 5)"
            if $0.id % 9 == 0 { c.title += "!" }
            return c
        }
        let right = Support.makeProject(id: 2, suites: [("S", changed)])
        let shuffled = Support.makeProject(id: 2, suites: [("S", changed.reversed())])
        let leftShuffled = Support.makeProject(suites: [("S", cases.shuffled())])
        let expected = try compare(left, right)
        #expect(try expected == compare(left, shuffled))
        #expect(try expected == compare(leftShuffled, shuffled))
        #expect(expected.totals.renamed > 0 && !expected.duplicates.isEmpty)
    }
}
