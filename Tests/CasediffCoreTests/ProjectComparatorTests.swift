import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct ProjectComparatorTests {
    typealias Support = ComparatorTestSupport

    @Test func classifiesAddedRemovedChangedAndUnchanged() {
        let left = Support.makeProject(suites: [
            (
                "Checkout",
                [
                    Support.makeCase(1, "Pay"), Support.makeCase(2, "Refund"), Support.makeCase(3, "Old"),
                ]
            )
        ])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    "Checkout",
                    [
                        Support.makeCase(11, "Pay"), Support.makeCase(12, "Refund", priority: 3),
                        Support.makeCase(13, "New"),
                    ]
                )
            ])
        let report = ProjectComparator().compare(left, right)
        #expect(report.totals == StatusCounts(added: 1, removed: 1, changed: 1, unchanged: 1))
        let records = report.suites[0].records
        #expect(records.map(\.status) == [.added, .removed, .changed])
        #expect(records.map(\.key) == ["New", "Old", "Refund"])
        #expect(records[2].changes == [FieldChange(field: "priority", old: "Medium", new: "High")])
        #expect(report.hasDrift)
    }

    @Test func typeAndPriorityAreComparedByNameNotID() {
        let left = Support.makeProject(suites: [("S", [Support.makeCase(1, "A", type: 1, priority: 2)])])
        let right = Support.makeProject(
            id: 2, suites: [("S", [Support.makeCase(9, "A", type: 7, priority: 8)])],
            caseTypes: [CaseType(id: 7, name: "Functional")], priorities: [Priority(id: 8, name: "Medium")])
        #expect(!ProjectComparator().compare(left, right).hasDrift)
    }

    @Test func absentNullAndEmptyAreTheSameValue() {
        let left = Support.makeProject(suites: [
            (
                "S",
                [
                    Support.makeCase(1, "A", refs: nil, custom: ["custom_notes": .null])
                ]
            )
        ])
        let right = Support.makeProject(id: 2, suites: [("S", [Support.makeCase(2, "A", refs: "", custom: [:])])])
        #expect(!ProjectComparator().compare(left, right).hasDrift)
    }

    @Test func customFieldsAndSectionPathsAreCompared() {
        let steps: JSONValue = .array([.object(["content": "Pay", "expected": "Paid"])])
        let left = Support.makeProject(suites: [
            ("S", [Support.makeCase(1, "A", section: 1, custom: ["custom_steps": steps])])
        ])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    "S",
                    [
                        Support.makeCase(2, "A", section: 2, custom: ["custom_steps": .array([]), "custom_extra": "x"])
                    ]
                )
            ])
        let changes = ProjectComparator().compare(left, right).suites[0].records[0].changes
        #expect(changes.map(\.field) == ["section", "custom_extra", "custom_steps"])
        #expect(changes[0] == FieldChange(field: "section", old: "Root", new: "Other"))
        #expect(changes[1] == FieldChange(field: "custom_extra", old: .null, new: "x"))
    }

    @Test func duplicateTitlesPairBySectionPathThenIDAndSurplusIsReported() {
        let left = Support.makeProject(suites: [
            (
                "S",
                [
                    Support.makeCase(5, "Dup", section: 2), Support.makeCase(4, "Dup", section: 1),
                ]
            )
        ])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    "S",
                    [
                        Support.makeCase(30, "Dup", section: 2), Support.makeCase(20, "Dup", section: 1),
                        Support.makeCase(10, "Dup", section: 1),
                    ]
                )
            ])
        let suite = ProjectComparator().compare(left, right).suites[0]
        // Sorted by (section path, id): left [5 Other, 4 Root], right [30 Other, 10 Root, 20 Root]; pairs stay in
        // their own section, so nothing is reported as changed and the surplus C20 is added.
        #expect(suite.counts == StatusCounts(added: 1, removed: 0, changed: 0, unchanged: 2))
        #expect(suite.records.map(\.status) == [.added])
        #expect(suite.records.first?.right?.id == 20)
    }

    @Test func suitesOnOneSideOnlyAreAllAddedOrRemoved() {
        let left = Support.makeProject(suites: [("Gone", [Support.makeCase(1, "A"), Support.makeCase(2, "B")])])
        let right = Support.makeProject(id: 2, suites: [("New", [Support.makeCase(3, "C")])])
        let report = ProjectComparator().compare(left, right)
        #expect(report.suites.map(\.name) == ["Gone", "New"])
        #expect(report.suites[0].rightSuiteID == nil && report.suites[0].counts.removed == 2)
        #expect(report.suites[1].leftSuiteID == nil && report.suites[1].counts.added == 1)
    }

    @Test func singleSuiteProjectsPairTheirOnlySuitesWhateverTheNames() {
        let left = Support.makeProject(mode: .singleSuite, suites: [("Master", [Support.makeCase(1, "A")])])
        let right = Support.makeProject(id: 2, mode: .singleSuite, suites: [("Main", [Support.makeCase(2, "A")])])
        let report = ProjectComparator().compare(left, right)
        #expect(report.suites.count == 1 && report.totals.unchanged == 1)
    }

    @Test func theResultDoesNotDependOnServerOrder() {
        let cases = (1...40).map { Support.makeCase($0, "Case \($0 % 13)", section: 1 + $0 % 2, priority: 1 + $0 % 3) }
        let left = Support.makeProject(suites: [("S", cases)])
        let right = Support.makeProject(
            id: 2,
            suites: [
                (
                    "S",
                    cases.map {
                        var c = $0; c.id += 100; c.refs = "R\($0.id % 5)"; return c
                    }
                )
            ])
        let shuffled = Support.makeProject(id: 2, suites: [("S", right.suites[0].cases.reversed())])
        #expect(ProjectComparator().compare(left, right) == ProjectComparator().compare(left, shuffled))
    }
}
