import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// Values in words, on each side's own instance: the rows of SideVocabulary+Values' doc comment and the fallbacks.
@Suite struct SideVocabularyTests {
    static func field(
        _ id: Int, _ name: String, _ type: CaseField.FieldType, items: String? = nil, projects: [Int]? = nil
    )
        -> CaseField
    {
        CaseField(
            id: id, systemName: name, label: name, typeID: type.rawValue,
            configurations: [
                .init(
                    context: .init(isGlobal: projects == nil, projectIDs: projects ?? []),
                    options: .init(format: "markdown", items: items))
            ])
    }

    static let definitions = ProjectDefinitions(
        caseFields: [
            field(1, "custom_automation_type", .dropdown, items: "1, Manual\n2, Automated"),
            // A per-project configuration for project 3 renumbers the options; it wins over the global one.
            CaseField(
                id: 2, systemName: "custom_kind", label: "Kind", typeID: CaseField.FieldType.dropdown.rawValue,
                configurations: [
                    .init(context: .init(isGlobal: true), options: .init(items: "1, Wrong\n2, Also wrong")),
                    .init(context: .init(isGlobal: false, projectIDs: [3]), options: .init(items: "7, Smoke\n2, Deep")),
                ]),
            field(3, "custom_platforms", .multiSelect, items: "1, Web\n2, iOS\n3, Android"),
            field(4, "custom_done", .checkbox),
            field(5, "custom_owner", .user),
            field(6, "custom_release", .milestone),
            field(7, "custom_steps_separated", .steps),
            field(8, "custom_preconds", .text),
            field(9, "custom_code", .string),
        ],
        templates: [Template(id: 2, name: "Test Case (Steps)")],
        milestones: [Milestone(id: 4, name: "2.0", milestones: [Milestone(id: 5, name: "2.0 beta", parentID: 4)])],
        users: [User(id: 17, name: "Alice", email: "Alice@Example.com"), User(id: 18, name: "Bob")],
        sharedSteps: [
            SharedStepSet(
                id: 9, title: "Sign in",
                steps: [["content": "Open ![](index.php?/attachments/get/77)", "expected": "Form"], ["content": "Go"]])
        ])

    func vocabulary(attachments: Bool = false) -> SideVocabulary {
        SideVocabulary(
            ProjectData(
                instance: "https://x/", project: Project(id: 3, name: "P", suiteMode: .multipleSuites), suites: [],
                definitions: Self.definitions),
            compareAttachments: attachments)
    }

    @Test func idsReadAsWhatTheyMeanHere() {
        let words = vocabulary()
        #expect(words.custom("custom_automation_type", 2) == "Automated")
        #expect(words.custom("custom_kind", 7) == "Smoke", "the project's own configuration")
        #expect(words.custom("custom_kind", 1) == "option #1", "an id the configuration does not define")
        #expect(words.custom("custom_platforms", [3, 1]) == ["Android", "Web"])
        #expect(words.custom("custom_platforms", [1, 3, 1]) == ["Android", "Web"], "a set: each label once")
        #expect(words.labels([CaseLabel(title: "ui"), CaseLabel(id: 2, title: "ui")]) == ["ui"])
        #expect(words.custom("custom_done", 1) == true && words.custom("custom_done", nil) == false)
        #expect(words.custom("custom_done", .bool(false)) == false)
        #expect(words.custom("custom_owner", 17) == "alice@example.com", "the email, lower-cased")
        #expect(words.custom("custom_owner", 18) == "Bob", "the name without an email")
        #expect(words.custom("custom_owner", 99) == "user #99")
        #expect(words.custom("custom_release", 5) == "2.0 beta", "a nested sub-milestone")
        #expect(words.template(2) == "Test Case (Steps)" && words.template(1) == "template #1")
        #expect(words.milestone(4) == "2.0" && words.milestone(8) == "milestone #8")
        #expect(words.labels([CaseLabel(id: 3, title: "ui"), CaseLabel(id: 1, title: "smoke")]) == ["smoke", "ui"])
        #expect(words.labels([]) == .null && words.labels(nil) == .null)
        #expect(words.custom("custom_code", "<b>x</b>") == "<b>x</b>", "a String field as sent")
    }

    @Test func withoutDefinitionsIdsStayIds() {
        let bare = SideVocabulary(
            ProjectData(
                instance: "https://x/", project: Project(id: 3, name: "P", suiteMode: .multipleSuites), suites: []))
        #expect(bare.custom("custom_automation_type", 2) == 2)
        #expect(bare.template(2) == 2)
        #expect(bare.user(17) == "user #17")
    }

    @Test func sharedStepsExpandFromAReferenceAndKeepTheirTextWhenInlined() {
        let words = vocabulary()
        let reference = words.custom(
            "custom_steps_separated", [["content": "First"], ["shared_step_id": 9], ["content": "Last"]])
        #expect(
            reference == [
                ["content": "First"],
                ["content": "Open [attachment]", "expected": "Form", "shared_step_set": "Sign in"],
                ["content": "Go", "shared_step_set": "Sign in"],
                ["content": "Last"],
            ])
        let inlined = words.custom(
            "custom_steps_separated",
            [["shared_step_id": 9, "content": "Open ![](index.php?/attachments/get/5)", "expected": "Form"]])
        #expect(inlined == [["content": "Open [attachment]", "expected": "Form", "shared_step_set": "Sign in"]])
        let withNulls = words.custom(
            "custom_steps_separated", [["shared_step_id": 9, "content": nil, "expected": "", "refs": nil]])
        #expect(
            withNulls == [
                ["content": "Open [attachment]", "expected": "Form", "shared_step_set": "Sign in"],
                ["content": "Go", "shared_step_set": "Sign in"],
            ], "a reference too")
        let missing = words.custom("custom_steps_separated", [["shared_step_id": 4]])
        #expect(missing == [["content": "[shared step set #4: not found]", "shared_step_set": "#4"]])
    }

    @Test func attachmentsCompareByIdOnlyWhenAsked() {
        #expect(vocabulary().custom("custom_preconds", "See ![](index.php?/attachments/get/12)") == "See [attachment]")
        #expect(
            vocabulary(attachments: true).custom("custom_preconds", "See ![](index.php?/attachments/get/12)")
                == "See ![](index.php?/attachments/get/12)")
    }

    @Test func markupRulesFollowTheFieldType() {
        let text = FieldDefinition(systemName: "custom_a", type: .text)
        let string = FieldDefinition(systemName: "custom_a", type: .string)
        #expect(ValueRule.rule(for: .custom("custom_a"), left: text, right: string) == .markup)
        #expect(ValueRule.rule(for: .custom("custom_a"), left: string, right: string) == .plain)
        #expect(ValueRule.rule(for: .custom("custom_a"), left: nil, right: nil) == .markup, "unknown: as today")
        #expect(ValueRule.rule(for: .refs, left: nil, right: nil) == .references)
        #expect(ValueRule.rule(for: .title, left: nil, right: nil) == .plain)
    }
}

/// The rows of AttachmentLinks' and HTMLText.looksLikeHTML's doc comments.
@Suite struct TextFormatTests {
    static let attachments: [(String, String)] = [
        ("See ![](index.php?/attachments/get/123)", "See [attachment]"),
        (
            "![shot](https://x.testrail.io/index.php?/attachments/get/9f3e52da-c826-4eca-b842-0a430211fba4) done",
            "[attachment] done"
        ),
        (#"<p><img src="index.php?/attachments/get/55" /></p>"#, "<p>[attachment]</p>"),
        ("[log](index.php?/attachments/get/7)", "[log]([attachment])"),
        ("two: index.php?/attachments/get/1 and index.php?/attachments/get/2", "two: [attachment] and [attachment]"),
        ("no attachment here", "no attachment here"),
    ]

    @Test(arguments: attachments)
    func masksAttachmentReferences(_ text: String, _ expected: String) {
        #expect(AttachmentLinks.mask(text) == expected)
    }

    static let html: [(String, Bool)] = [
        ("<p>Enter <b>your</b> email</p>", true),
        ("  <div><strong>Note</strong></div>", true),
        ("<!-- c --><p>x</p>", true),
        ("Enter <email> in the form", false),
        ("<b>Note:</b> enter <email>", false),
        ("<code> is sent. Enter <email>", false),
        ("<p>no closing tag", false),
        ("<email> must be valid", false),
        ("a < b", false),
        ("", false),
    ]

    @Test(arguments: html)
    func tellsHTMLFromMarkdown(_ text: String, _ isHTML: Bool) {
        #expect(HTMLText.looksLikeHTML(text) == isHTML)
    }

    /// The rows of MarkdownText's doc comment.
    static let markdown: [(String, String)] = [
        ("Tax rate: **20 %**.", "Tax rate: 20 %."),
        ("- Subtotal 10.00", "Subtotal 10.00"),
        ("## Setup", "Setup"),
        ("Click [Apply](https://x/help)", "Click Apply"),
        ("Enter `SAVE10`", "Enter SAVE10"),
        ("keep snake_case and 2 * 3", "keep snake_case and 2 * 3"),
        (#"Enter <email> \*now\*"#, "Enter <email> *now*"),
        ("1. Open the page\n2. Click *Buy*", "Open the page\nClick Buy"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a b\n\n1 2"),
        ("> quoted ~~old~~ text", "quoted old text"),
        ("See ![chart](a.png)", "See [image a.png]"),
    ]

    @Test(arguments: markdown)
    func readsMarkdownAsTheTextItShows(_ markdown: String, _ text: String) {
        #expect(MarkdownText.text(of: markdown) == text)
    }

    /// Markdown against the other editor's HTML compares as shown text; Markdown against Markdown as written.
    @Test func oneEditorsFormatAgainstTheOthersIsNotDrift() {
        let values = ValueComparator(normalizer: TextNormalizer(ignoreCase: false))
        func same(_ a: String, _ b: String) -> Bool { values.same(.string(a), .string(b), .markup) }
        #expect(same("Tax rate: **20 %**.", "<p>Tax rate: <strong>20 %</strong>.</p>"))
        #expect(
            same(
                "The summary shows:\n- Subtotal 10.00\n- **Total 12.00**",
                "<p>The summary shows:</p><ul><li>Subtotal 10.00</li><li><strong>Total 12.00</strong></li></ul>"))
        #expect(same("Enter <email> here", "<p>Enter &lt;email&gt; here</p>"))
        #expect(!same("Enter <email> here", "<p>Enter &lt;phone&gt; here</p>"), "a changed word is drift")
        #expect(!same("**Total**", "Total"), "two Markdown values compare as written")
        #expect(same("<p>Open <b>the</b> cart</p>", "<div><strong>Open</strong> the cart</div>"))
        #expect(!same("<code> is sent. Enter <email>", "<code> is sent. Enter <phone>"), "Markdown, not HTML")
        #expect(!same("<b>Note:</b> enter <email>", "<b>Note:</b> enter <phone>"))
        #expect(same("See ![](a.png)", #"<p>See <img src="a.png"></p>"#))
        #expect(!same("See ![](a.png)", #"<p>See <img src="b.png"></p>"#), "an image is content")
    }
}
