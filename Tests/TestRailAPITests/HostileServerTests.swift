import Foundation
import Testing

@testable import TestRailAPI

/// The client against answers a hostile or broken server sends: links out of the list, echoed credentials, HTML.
@Suite struct HostileServerTests {
    static let credentials = Credentials(user: "qa@acme.test", apiKey: "s3cret-key")

    func makeClient(
        history: InstanceHistory = InstanceHistory(),
        _ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL("https://acme.testrail.io/"), credentials: Self.credentials,
            transport: ClosureTransport(handler), history: history)
    }

    static func page(next: String) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            body: Data(
                #"{"offset":0,"limit":1,"size":1,"_links":{"next":"\#(next)"},"cases":[{"id":1,"title":"a"}]}"#.utf8))
    }

    @Test(arguments: [
        "/api/v2/get_cases/2&suite_id=21&limit=1&offset=1",
        "/api/v2/delete_case/10000",
        "/api/v2/get_cases/1&suite_id=2&section_id=9&limit=1&offset=1",
        "/api/v2/get_cases/1&limit=1&offset=1",
        "http://127.0.0.2:8080/index.php?/api/v2/get_cases/1&suite_id=2&limit=1&offset=1",
        "/api/v2/get_cases/1&suite_id=2&limit=1&offset=minus",
    ])
    func aNextLinkThatLeavesTheListIsRefused(link: String) async throws {
        let sent = LockedBox<[String]>([])
        let client = try makeClient { request in
            sent.set(sent.get() + [request.url.query ?? ""])
            return Self.page(next: link)
        }
        let error = try await #require(throws: TestRailError.self) {
            try await client.cases(projectID: 1, suiteID: 2)
        }
        #expect(
            error
                == .malformedResponse(
                    "the next link '\(link)' leaves the list get_cases/1&suite_id=2; only offset and limit may change"))
        #expect(sent.get() == ["/api/v2/get_cases/1&suite_id=2"], "only the first page was requested")
    }

    @Test func aNextLinkMayReorderAndChangeOnlyOffsetAndLimit() throws {
        let requested = TestRailEndpoint.getCases(projectID: 1, suiteID: 2, offset: 0, limit: 250)
        let link = try TestRailEndpoint.nextPage(
            apiPath: "/api/v2/get_cases/1&offset=100&limit=100&suite_id=2", after: requested)
        #expect(link.parameter("offset") == "100" && link.parameter("limit") == "100")
    }

    @Test func aCallThatIsNotAReadIsNeverSent() async throws {
        let sent = LockedBox(0)
        let client = try makeClient { _ in
            sent.set(sent.get() + 1)
            return HTTPResponse(status: 200, body: Data("{}".utf8))
        }
        await #expect(throws: TestRailError.refusedMethod("delete_case/10000")) {
            _ = try await client.data(for: TestRailEndpoint(method: "delete_case", arguments: [10000]))
        }
        #expect(sent.get() == 0)
        #expect(
            TestRailError.refusedMethod("delete_case/10000").description
                == "casediff sends only reads (get_*); refused to send delete_case/10000")
    }

    /// A server that echoes the request's headers: no form of the key survives into the error.
    @Test(arguments: [400, 401, 409, 429, 500, 418])
    func echoedCredentialsAreScrubbedFromErrors(status: Int) async throws {
        let client = try makeClient { request in
            let echoed = "echo \(request.headers["Authorization"] ?? "") qa@acme.test:s3cret-key s3cret-key"
            return HTTPResponse(
                status: status, headers: ["Retry-After": "1"], body: Data(#"{"error":"\#(echoed)"}"#.utf8))
        }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        let line = error.description
        let base64 = Data("qa@acme.test:s3cret-key".utf8).base64EncodedString()
        #expect(!line.contains("s3cret") && !line.contains(base64), "\(line)")
        #expect(line.contains(SecretScrubber.redaction))
    }

    @Test func echoedCredentialsInAnUnreadableBodyAreScrubbed() async throws {
        let client = try makeClient { request in
            HTTPResponse(status: 200, body: Data("key s3cret-key \(request.headers["Authorization"]!)".utf8))
        }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        #expect(!error.description.contains("s3cret"), "\(error)")
    }

    static let html = HTTPResponse(status: 200, body: Data("<!DOCTYPE html><html><body>Login</body></html>".utf8))

    /// On the first answer an HTML page means a wrong URL: fail at once with the hint.
    @Test func anHTMLPageFirstFailsFastWithTheHint() async throws {
        let client = try makeClient { _ in Self.html }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        #expect(error == .htmlPage(bytes: 46, transient: false) && !error.isRetryable)
        #expect(error.description.hasSuffix("is the URL the TestRail root?"))
    }

    /// Once the instance has answered JSON, an HTML page is a proxy or login wall in the way: retryable, and every
    /// copy of the client knows it.
    @Test func anHTMLPageAfterJSONIsRetryableForEveryCopy() async throws {
        let history = InstanceHistory()
        let json = try makeClient(history: history) { _ in
            HTTPResponse(status: 200, body: Data(#"{"id":1,"name":"P"}"#.utf8))
        }
        _ = try await json.project(1)
        let copy = try makeClient(history: history) { _ in Self.html }
        let error = try await #require(throws: TestRailError.self) { try await copy.project(1) }
        #expect(error == .htmlPage(bytes: 46, transient: true) && error.isRetryable)
    }

    @Test func aRedirectAnswerIsAnErrorNamingWhereItPointed() async throws {
        let client = try makeClient { _ in
            HTTPResponse(status: 307, headers: ["Location": "https://admin:pw@other.example/testrail/"])
        }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        #expect(error.description == "TestRail redirected to https://***@other.example/testrail/; use that URL")
    }

    @Test func aBodyOverTheCapIsRefused() async throws {
        let client = TestRailClient(
            baseURL: try TestRailBaseURL("https://acme.testrail.io/"), credentials: Self.credentials,
            transport: ClosureTransport { _ in HTTPResponse(status: 200, body: Data(count: 2048)) },
            maximumResponseSize: 1024)
        await #expect(throws: TestRailError.responseTooLarge(call: "get_project/1", limit: 1024)) {
            try await client.project(1)
        }
    }
}
