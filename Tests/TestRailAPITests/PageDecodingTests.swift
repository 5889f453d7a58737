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

    /// A next link may not skip items (they would be reported removed) nor go back (a loop); a short page whose link
    /// moves on by its limit is TestRail's own arithmetic and passes.
    @Test func aNextLinkMustContinueWhereThePageEnds() throws {
        func page(offset: Int, items: Int, next: Int) -> Data {
            let cases = (0..<items).map { #"{"id":\#($0 + 1),"title":"t","section_id":1}"# }.joined(separator: ",")
            return Data(
                #"{"offset":\#(offset),"limit":2,"size":\#(items),"_links":{"next":"/api/v2/get_cases/1&suite_id=2&limit=2&offset=\#(next)","prev":null},"cases":[\#(cases)]}"#
                    .utf8)
        }
        let requested = TestRailEndpoint.getCases(projectID: 1, suiteID: 2, offset: 2, limit: 2)
        #expect(
            try Page<TestCase>.decode(page(offset: 2, items: 2, next: 4), itemsKey: "cases", requested: requested).next
                != nil)
        #expect(
            try Page<TestCase>.decode(page(offset: 2, items: 1, next: 4), itemsKey: "cases", requested: requested).next
                != nil)
        #expect(throws: TestRailError.self) {
            try Page<TestCase>.decode(page(offset: 2, items: 2, next: 6), itemsKey: "cases", requested: requested)
        }
        #expect(throws: TestRailError.self) {
            try Page<TestCase>.decode(page(offset: 2, items: 2, next: 2), itemsKey: "cases", requested: requested)
        }
    }

    /// An HTML page is known as one after a byte-order mark or a PHP notice too.
    @Test func htmlIsFoundBehindABOMOrANotice() {
        #expect(JSONBody.opening(Data([0xEF, 0xBB, 0xBF]) + Data("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(JSONBody.opening(Data("Notice: Undefined index in x.php\n<html><body>".utf8)) == .html)
        #expect(JSONBody.opening(Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id":1}"#.utf8)) == .json)
    }
}
