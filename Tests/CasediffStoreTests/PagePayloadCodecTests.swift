import CasediffCore
import Foundation
import TestRailAPI
import Testing

@testable import CasediffStore

@Suite struct PagePayloadCodecTests {
    static func makeCase(id: Int = 7, deleted: Bool = false) -> TestCase {
        TestCase(
            id: id, title: "Sign in — ünïcode ✓", sectionID: 3, suiteID: 2, templateID: nil, typeID: 1, priorityID: -4,
            refs: "JIRA-1", estimate: nil, estimateForecast: "1m", createdOn: 1_700_000_000,
            updatedOn: Int(Int32.max) + 5, displayOrder: 0, isDeleted: deleted,
            customFields: [
                "custom_steps_separated": .array([
                    .object(["content": .string("Open <b>it</b>"), "expected": .null, "n": .int(-1)])
                ]),
                "custom_flag": .bool(true), "custom_ratio": .double(0.25), "custom_empty": .string(""),
            ])
    }

    @Test func casesRoundTripThroughTheBinaryFormat() throws {
        let next = try TestRailEndpoint(apiPath: "/api/v2/get_cases/1&suite_id=2&limit=250&offset=250")
        let page = Page(
            items: [Self.makeCase(), Self.makeCase(id: 8, deleted: true), TestCase(id: 9, title: "")], offset: 0,
            limit: 250, size: 3, next: next)
        let row = try PagePayloadCodec.encode(.cases(page))
        #expect(row.format == PagePayloadCodec.binary && row.itemCount == 3 && row.next == next.apiPath)
        guard case .cases(let back) = try PagePayloadCodec.decode(.cases, offset: 0, row: row) else {
            Issue.record("not a cases page")
            return
        }
        #expect(back.items == page.items)
        #expect(back.next == next && back.limit == 250 && back.offset == 0 && !back.isLegacy)
    }

    @Test func labelsRoundTripAndARowWithoutThemIsNotRead() throws {
        var labelled = Self.makeCase()
        labelled.labels = [CaseLabel(id: 3, title: "smoke"), CaseLabel(title: "ui")]
        var empty = Self.makeCase(id: 8)
        empty.labels = []
        let page = Page(
            // The last case's empty list ends the page: its count is the very last byte.
            items: [labelled, TestCase(id: 9, title: "none"), empty], offset: 0, limit: 250, size: 3, next: nil)
        var row = try PagePayloadCodec.encode(.cases(page))
        guard case .cases(let back) = try PagePayloadCodec.decode(.cases, offset: 0, row: row) else {
            Issue.record("not a cases page")
            return
        }
        #expect(back.items == page.items)
        #expect(back.items.map(\.labels) == [labelled.labels, nil, []], "none sent and none at all stay apart")
        // A row written before labels were kept (format 2) cannot say whether the case had any: it reads as
        // missing, and the page is fetched again.
        row.format = 2
        #expect(throws: (any Error).self) { try PagePayloadCodec.decode(.cases, offset: 0, row: row) }
    }

    @Test func definitionsRoundTripAsJSON() throws {
        let fields = [
            CaseField(
                id: 1, systemName: "custom_kind", label: "Kind", typeID: 6,
                configurations: [.init(context: .init(isGlobal: false, projectIDs: [3]), options: .init(items: "1, A"))]
            )
        ]
        let payloads: [(PageKey.Resource, UnitPayload)] = [
            (.caseFields, .caseFields(fields)), (.templates, .templates([Template(id: 2, name: "Steps")])),
            (
                .milestones,
                .milestones(Page(items: [Milestone(id: 4, name: "2.0")], offset: 0, limit: 250, size: 1, next: nil))
            ),
            (
                .users,
                .users(Page(items: [User(id: 5, name: "Ann", email: "a@x")], offset: 0, limit: 250, size: 1, next: nil))
            ),
            (
                .sharedSteps,
                .sharedSteps(
                    Page(
                        items: [SharedStepSet(id: 9, title: "Sign in", steps: [["content": "Go"]])], offset: 0,
                        limit: 250, size: 1, next: nil))
            ),
        ]
        for (resource, payload) in payloads {
            let row = try PagePayloadCodec.encode(payload)
            #expect(row.format == PagePayloadCodec.json)
            let back = try PagePayloadCodec.decode(resource, offset: 0, row: row)
            #expect(try PagePayloadCodec.encode(back).payload == row.payload, "\(resource)")
        }
    }

    @Test func sectionsAndListingsRoundTrip() throws {
        let sections = Page(
            items: [
                Section(id: 1, suiteID: 2, name: "Root", description: "d", parentID: nil, depth: 0, displayOrder: 1),
                Section(id: 2, suiteID: nil, name: "Child", parentID: 1, depth: 1, displayOrder: 2),
            ], offset: 500, limit: 250, size: 2, next: nil, isLegacy: true)
        let row = try PagePayloadCodec.encode(.sections(sections))
        guard case .sections(let back) = try PagePayloadCodec.decode(.sections, offset: 500, row: row) else {
            Issue.record("not a sections page")
            return
        }
        #expect(back.items == sections.items && back.isLegacy && back.offset == 500)

        let project = Project(id: 4, name: "Shop", suiteMode: .multipleSuites)
        let projectRow = try PagePayloadCodec.encode(.project(project))
        #expect(projectRow.format == PagePayloadCodec.json)
        guard case .project(let decoded) = try PagePayloadCodec.decode(.project, offset: 0, row: projectRow) else {
            Issue.record("not a project")
            return
        }
        #expect(decoded == project)
    }

    @Test func aDamagedRowThrowsInsteadOfTrapping() throws {
        let row = try PagePayloadCodec.encode(
            .cases(Page(items: [Self.makeCase()], offset: 0, limit: 250, size: 1, next: nil)))
        for cut in [0, 1, 5, row.payload.count / 2, row.payload.count - 1] {
            var damaged = row
            damaged.payload = row.payload.prefix(cut)
            #expect(throws: (any Error).self) { try PagePayloadCodec.decode(.cases, offset: 0, row: damaged) }
        }
        var wrongCount = row
        wrongCount.itemCount = 2
        #expect(throws: (any Error).self) { try PagePayloadCodec.decode(.cases, offset: 0, row: wrongCount) }
    }

    @Test func equalCasesEncodeToEqualBytes() throws {
        var reordered = Self.makeCase()
        reordered.customFields = Dictionary(uniqueKeysWithValues: reordered.customFields.reversed())
        var first = BinaryWriter()
        Self.makeCase().write(to: &first)
        var second = BinaryWriter()
        reordered.write(to: &second)
        #expect(first.bytes == second.bytes)
    }

    static let varints: [(Int64, [UInt8])] = [
        (0, [0]), (-1, [1]), (300, [0xd8, 0x04]), (Int64.min, [UInt8](repeating: 0xff, count: 9) + [1]),
    ]

    @Test(arguments: varints)
    func varintsFollowTheDocumentedTable(value: Int64, bytes: [UInt8]) throws {
        var writer = BinaryWriter()
        writer.signed(value)
        #expect(writer.bytes == bytes)
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try reader.signed()
        }
        #expect(decoded == value)
    }
}
