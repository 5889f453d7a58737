import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// Two instances of one project: every id different, the same content. Only what means something else differs.
@Suite struct ComparisonByMeaningTests {
    typealias Support = ComparatorTestSupport

    /// A side whose fields, templates, users and shared steps are numbered its own way.
    static func side(
        project: Int, options: String, owner: Int, sharedSetID: Int, sharedExpected: String, users: [User],
        cases: [TestCase], takenAt: Date? = nil
    ) -> ProjectData {
        var data = Support.makeProject(id: project, suites: [("Suite", cases)])
        data.takenAt = takenAt
        data.definitions = ProjectDefinitions(
            caseFields: [
                SideVocabularyTests.field(1, "custom_automation_type", .dropdown, items: options),
                SideVocabularyTests.field(2, "custom_owner", .user),
                SideVocabularyTests.field(3, "custom_steps_separated", .steps),
                SideVocabularyTests.field(4, "custom_preconds", .text),
                SideVocabularyTests.field(5, "custom_done", .checkbox),
            ],
            templates: [Template(id: project * 10 + 1, name: "Test Case (Steps)")], milestones: [], users: users,
            sharedSteps: [
                SharedStepSet(
                    id: sharedSetID, title: "Sign in",
                    steps: [
                        ["content": "Open the form", "expected": "Shown"],
                        ["content": "Submit", "expected": .string(sharedExpected)],
                    ])
            ])
        _ = owner
        return data
    }

    static func testCase(
        _ id: Int, _ title: String, template: Int, _ custom: [String: JSONValue], refs: String? = nil,
        labels: [CaseLabel]? = nil
    ) -> TestCase {
        var testCase = Support.makeCase(id, title, refs: refs, custom: custom)
        testCase.templateID = template
        testCase.labels = labels
        return testCase
    }

    static func pair(
        sharedExpected: String = "Signed in", rightAutomation: JSONValue = 5, placeholder: String = "<email>"
    ) -> (ProjectData, ProjectData) {
        let server = side(
            project: 12, options: "0, None\n1, Manual\n2, Automated", owner: 3, sharedSetID: 4,
            sharedExpected: "Signed in", users: [User(id: 3, name: "Priya", email: "priya@example.com")],
            cases: [
                testCase(
                    1, "Coupon", template: 121,
                    [
                        "custom_automation_type": 1, "custom_owner": 3, "custom_done": nil,
                        "custom_preconds": "The cart is empty. ![](index.php?/attachments/get/31)",
                        "custom_steps_separated": [
                            ["shared_step_id": 4, "content": "Open the form", "expected": "Shown"],
                            ["shared_step_id": 4, "content": "Submit", "expected": "Signed in"],
                            ["content": "Enter <email> in the sign-in form", "expected": "Accepted"],
                        ],
                    ], refs: "JIRA-1, JIRA-2", labels: [CaseLabel(id: 1, title: "smoke")])
            ])
        let cloud = side(
            project: 3, options: "3, Automated\n5, Manual\n9, None", owner: 17, sharedSetID: 77,
            sharedExpected: sharedExpected, users: [User(id: 17, name: "Priya R.", email: "PRIYA@example.com")],
            cases: [
                testCase(
                    30001, "Coupon", template: 31,
                    [
                        "custom_automation_type": rightAutomation, "custom_owner": 17, "custom_done": false,
                        "custom_preconds": "<p>The cart is empty. <img src=\"index.php?/attachments/get/ab-12\"></p>",
                        "custom_steps_separated": [
                            ["shared_step_id": 77],
                            ["content": .string("Enter \(placeholder) in the sign-in form"), "expected": "Accepted"],
                        ],
                    ], refs: "JIRA-2,JIRA-1", labels: [CaseLabel(id: 88, title: "smoke")])
            ])
        return (server, cloud)
    }

    func compare(_ pair: (ProjectData, ProjectData), _ options: ComparisonOptions = .init()) throws
        -> ComparisonReport
    {
        try ProjectComparator(options: options).compare(pair.0, pair.1)
    }

    @Test func theSameContentOnAnotherInstanceIsUnchanged() throws {
        let report = try compare(Self.pair())
        #expect(report.totals == StatusCounts(unchanged: 1), "\(report.suites[0].records[0].changes)")
        #expect(report.notes.isEmpty)
    }

    @Test func aChangedLabelAPlaceholderAndAnEditedSharedSetAreDriftInWords() throws {
        let report = try compare(
            Self.pair(sharedExpected: "Signed in, on My account", rightAutomation: 3, placeholder: "<phone>"))
        let changes = report.suites[0].records[0].changes
        #expect(
            changes.map { ChangeText.line($0) } == [
                #"custom_automation_type: "Manual" -> "Automated""#,
                #"step 2 expected (shared step set "Sign in"): "Signed in" -> "Signed in, on My account""#,
                #"step 3 content: "Enter <email> in the sign-in form" -> "Enter <phone> in the sign-in form""#,
            ])
        #expect(changes[1].origin == "Sign in" && changes[1].path == "/custom_steps_separated/1/expected")
    }

    @Test func attachmentsCompareByIdWhenAsked() throws {
        let report = try compare(Self.pair(), ComparisonOptions(compareAttachments: true))
        #expect(report.suites[0].records[0].changes.map(\.field) == ["custom_preconds"])
    }

    @Test func optionIdsAConfigurationDoesNotDefineAreNoted() throws {
        let report = try compare(Self.pair(rightAutomation: 4))
        #expect(report.suites[0].records[0].changes.first?.new == "option #4")
        #expect(
            report.notes == [
                "right P3: custom_automation_type holds option id 4 its configuration for the project does not define; "
                    + "shown as 'option #4'"
            ])
    }

    @Test func aSnapshotWithoutDefinitionsSaysItsIdsStayIds() throws {
        var (server, cloud) = Self.pair()
        server.definitions = ProjectDefinitions()
        server.takenAt = Date(timeIntervalSince1970: 0)
        let report = try compare((server, cloud))
        #expect(
            report.notes.count == 1 && report.notes[0].hasPrefix("left P12: the snapshot holds no field definitions"))
        #expect(report.totals.changed == 1, "ids against names: drift, and the note says why")
    }

    /// Values that look different and mean the same: step refs as sets, an unchecked checkbox one side does not
    /// define, a dropdown against a one-label multi-select; and another site's `attachments/get` link is content.
    @Test func equivalentShapesAreTheSame() {
        let values = ValueComparator(normalizer: TextNormalizer(ignoreCase: false))
        #expect(values.same(["refs": "A-1, A-2", "content": "Go"], ["refs": "A-2,A-1", "content": "Go"], .markup))
        #expect(!values.same(["refs": "A-1", "content": "Go"], ["refs": "A-3", "content": "Go"], .markup))
        #expect(values.same(false, nil, .plain) && !values.same(true, nil, .plain))
        #expect(values.same("Web", ["Web"], .plain) && !values.same("Web", ["iOS"], .plain))
        #expect(
            AttachmentLinks.mask("see https://jira.example/secure/attachments/get/111")
                == "see https://jira.example/secure/attachments/get/111")
    }

    @Test func labelsAndRefsAreSets() throws {
        var (server, cloud) = Self.pair()
        cloud.suites[0].cases[0].labels = [CaseLabel(id: 88, title: "smoke"), CaseLabel(id: 90, title: "regression")]
        cloud.suites[0].cases[0].refs = "JIRA-2, JIRA-3"
        let changes = try compare((server, cloud)).suites[0].records[0].changes
        #expect(
            changes.map { ChangeText.line($0) } == [
                #"refs: "JIRA-1, JIRA-2" -> "JIRA-2, JIRA-3""#, #"labels: ["smoke"] -> ["regression", "smoke"]"#,
            ])
    }
}
