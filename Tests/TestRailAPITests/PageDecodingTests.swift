import Foundation
import Testing

@testable import TestRailAPI

@Suite struct PageDecodingTests {
    @Test func decodesTheEnvelope() throws {
        let body = """
            {"offset": 250, "limit": 250, "size": 2,
             "_links": {"next": "/api/v2/get_cases/1&suite_id=2&limit=250&offset=500",
                        "prev": "/api/v2/get_cases/1&suite_id=2&limit=250&offset=0"},
             "cases": [{"id": 1, "title": "A"}, {"id": 2, "title": "B"}]}
            """
        let page = try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        #expect(page.items.map(\.id) == [1, 2])
        #expect(page.offset == 250 && page.limit == 250 && page.size == 2)
        #expect(page.next?.apiPath == "/api/v2/get_cases/1&suite_id=2&limit=250&offset=500")
        #expect(page.previous?.parameter("offset") == "0")
        #expect(!page.isLast && !page.isLegacy)
    }

    @Test func theLastPageHasNoNext() throws {
        let body = #"{"offset":0,"limit":250,"size":0,"_links":{"next":null,"prev":null},"sections":[]}"#
        let page = try Page<Section>.decode(Data(body.utf8), itemsKey: "sections")
        #expect(page.items.isEmpty && page.isLast)
    }

    @Test func sizeIsThePageCountNeverATotal() throws {
        // A server whose size disagrees with the items still yields exactly the items it sent.
        let body =
            #"{"offset":0,"limit":250,"size":7,"_links":{"next":null},"projects":[{"id":1,"name":"P","suite_mode":1}]}"#
        let page = try Page<Project>.decode(Data(body.utf8), itemsKey: "projects")
        #expect(page.items.count == 1 && page.size == 7)
    }

    @Test func decodesALegacyBareArrayAsTheWholeList() throws {
        let body = #"[{"id": 3, "name": "Suite", "project_id": 1}]"#
        let page = try Page<Suite>.decode(Data(body.utf8), itemsKey: "suites")
        #expect(page.isLegacy && page.isLast)
        #expect(page.items == [Suite(id: 3, name: "Suite", projectID: 1)])
    }

    @Test func aMissingItemsKeyIsMalformed() {
        let body = #"{"offset":0,"limit":250,"size":0,"_links":{"next":null},"entities":[]}"#
        #expect(throws: TestRailError.malformedResponse("the response has no 'cases' list")) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
    }

    @Test func aCutBodyIsTruncated() {
        let body = #"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":1,"tit"#
        #expect(throws: TestRailError.truncatedResponse("the JSON ends after \(body.utf8.count) bytes")) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
    }

    @Test func htmlIsCalledOutAsAWrongURL() throws {
        let body = "<!DOCTYPE html><html><body>Login</body></html>"
        let error = try #require(throws: TestRailError.self) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
        #expect(error.description.contains("HTML page instead of JSON"))
    }

    @Test func aWrongShapeNamesThePath() throws {
        let body = #"{"offset":0,"limit":250,"size":1,"_links":{"next":null},"cases":[{"id":"x","title":1}]}"#
        let error = try #require(throws: TestRailError.self) {
            try Page<TestCase>.decode(Data(body.utf8), itemsKey: "cases")
        }
        guard case .malformedResponse(let detail) = error else {
            Issue.record("expected malformedResponse, got \(error)")
            return
        }
        #expect(detail.contains(".cases[0]"))
    }

    @Test func anEmptyBodyIsMalformed() {
        #expect(throws: TestRailError.malformedResponse("the response body is empty")) {
            try Page<TestCase>.decode(Data("  ".utf8), itemsKey: "cases")
        }
    }
}
