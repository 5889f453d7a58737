import Foundation
import Testing

@testable import TestRailAPI

@Suite struct TestRailClientTests {
    static let now = Date(timeIntervalSince1970: 1_792_567_680)

    func makeClient(
        key: String = "s3cret-key",
        _ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL("https://acme.testrail.io/"),
            credentials: Credentials(user: "qa@acme.test", apiKey: key),
            transport: ClosureTransport(handler), now: { Self.now })
    }

    func errorBody(_ message: String) -> Data {
        Data(#"{"error": "\#(message)"}"#.utf8)
    }

    @Test func sendsBasicAuthAndTheAPIURL() async throws {
        let seen = LockedBox<HTTPRequest?>(nil)
        let client = try makeClient { request in
            seen.set(request)
            return HTTPResponse(status: 200, body: Data(#"{"id":1,"name":"P","suite_mode":3}"#.utf8))
        }
        let project = try await client.project(1)
        #expect(project.suiteMode == .multipleSuites)
        let request = try #require(seen.get())
        #expect(request.url.absoluteString == "https://acme.testrail.io/index.php?/api/v2/get_project/1")
        let expected = "Basic " + Data("qa@acme.test:s3cret-key".utf8).base64EncodedString()
        #expect(request.headers["Authorization"] == expected)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["x-api-ident"] == "beta", "servers 6.7-7.2.0 paginate only when asked this way")
    }

    /// Some legacy servers start every answer with a banner line before the JSON (trcli strips it too).
    @Test func theAuthenticationBannerIsStripped() async throws {
        let client = try makeClient { _ in
            HTTPResponse(status: 200, body: Data("USER AUTHENTICATION SUCCESSFUL!\n[{\"id\":1,\"name\":\"Low\"}]".utf8))
        }
        #expect(try await client.priorities() == [Priority(id: 1, name: "Low")])
    }

    /// A `next` link with `limit=0` is followed with the page size instead (TestRail answers 400 to it verbatim).
    @Test func aZeroLimitInANextLinkIsRewritten() throws {
        let link = try TestRailEndpoint.nextPage(apiPath: "/api/v2/get_cases/1&suite_id=2&limit=0&offset=250")
        #expect(link.description == "get_cases/1&suite_id=2&limit=250&offset=250")
        let kept = try TestRailEndpoint.nextPage(apiPath: "/api/v2/get_cases/1&limit=100&offset=100")
        #expect(kept.description == "get_cases/1&limit=100&offset=100")
        let body = Data(
            #"{"offset": 0, "limit": 250, "size": 1, "_links": {"next": "/api/v2/get_milestones/3&limit=0&offset=250"}, "milestones": [{"id": 1, "name": "M"}]}"#
                .utf8)
        let page = try Page<Milestone>.decode(body, itemsKey: "milestones")
        #expect(page.next?.description == "get_milestones/3&limit=250&offset=250")
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var status: Int
        var headers: [String: String]
        var expected: TestRailError
        var line: String
        var testDescription: String { "HTTP \(status)" }
    }

    static let statusCases: [StatusCase] = [
        StatusCase(
            status: 400, headers: [:], expected: .badRequest("Field :project_id is not a valid or accessible project."),
            line: "TestRail rejected the request (HTTP 400): Field :project_id is not a valid or accessible project."),
        StatusCase(
            status: 401, headers: [:], expected: .unauthorized("Authentication failed."),
            line:
                "TestRail rejected the credentials (HTTP 401): Authentication failed. Check TESTRAIL_USER and TESTRAIL_API_KEY."
        ),
        StatusCase(
            status: 403, headers: [:], expected: .forbidden("The API is disabled."),
            line: "TestRail denied access (HTTP 403): The API is disabled."),
        StatusCase(
            status: 404, headers: [:], expected: .notFound("Unknown method 'get_foo'"),
            line: "TestRail has no such API endpoint (HTTP 404): Unknown method 'get_foo' Is the URL the TestRail root?"
        ),
        StatusCase(
            status: 409, headers: ["Retry-After": "120"],
            expected: .maintenance("Maintenance.", retryAfter: .seconds(120)),
            line: "TestRail is in maintenance (HTTP 409): Maintenance. (server asks to retry after 120 s)"),
        StatusCase(
            status: 429, headers: ["Retry-After": "7"], expected: .rateLimited("Slow down.", retryAfter: .seconds(7)),
            line: "TestRail's rate limit was reached (HTTP 429): Slow down. (server asks to retry after 7 s)"),
        StatusCase(
            status: 429, headers: ["retry-after": "Wed, 21 Oct 2026 07:28:03 GMT"],
            expected: .rateLimited("Slow down.", retryAfter: .seconds(3)),
            line: "TestRail's rate limit was reached (HTTP 429): Slow down. (server asks to retry after 3 s)"),
        StatusCase(
            status: 500, headers: [:], expected: .serverError(status: 500, message: "Boom."),
            line: "TestRail failed with a server error (HTTP 500): Boom."),
        StatusCase(
            status: 503, headers: [:], expected: .serverError(status: 503, message: "Boom."),
            line: "TestRail failed with a server error (HTTP 503): Boom."),
        StatusCase(
            status: 418, headers: [:], expected: .unexpectedStatus(418, "Teapot."),
            line: "TestRail answered with unexpected HTTP 418: Teapot."),
    ]

    @Test(arguments: statusCases)
    func mapsEveryStatusToItsErrorAndLine(testCase: StatusCase) async throws {
        let message = testCase.expected.description.isEmpty ? "" : Self.message(of: testCase.expected)
        let client = try makeClient { _ in
            HTTPResponse(status: testCase.status, headers: testCase.headers, body: errorBody(message))
        }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        #expect(error == testCase.expected)
        #expect(error.description == testCase.line)
        #expect(error.httpStatus == testCase.status)
    }

    static func message(of error: TestRailError) -> String {
        switch error {
        case .badRequest(let m), .unauthorized(let m), .forbidden(let m), .notFound(let m): return m
        case .maintenance(let m, _), .rateLimited(let m, _): return m
        case .serverError(_, let m), .unexpectedStatus(_, let m): return m
        default: return ""
        }
    }

    @Test func retryableErrorsAreExactlyTheTransientOnes() {
        let retryable: [TestRailError] = [
            .maintenance("", retryAfter: nil), .rateLimited("", retryAfter: nil),
            .serverError(status: 502, message: ""),
            .timedOut, .connectionFailed("reset"), .truncatedResponse("cut"),
        ]
        let final: [TestRailError] = [
            .badRequest(""), .unauthorized(""), .forbidden(""), .notFound(""), .malformedResponse(""), .cancelled,
            .tlsFailure(""), .invalidBaseURL("", reason: ""),
        ]
        #expect(retryable.allSatisfy { $0.isRetryable })
        #expect(!final.contains { $0.isRetryable })
    }

    @Test func aNonJSONErrorBodyGivesAShortExcerpt() async throws {
        let client = try makeClient { _ in
            HTTPResponse(status: 502, body: Data("<html><body>Bad Gateway</body></html>".utf8))
        }
        let error = try await #require(throws: TestRailError.self) { try await client.project(1) }
        #expect(error == .serverError(status: 502, message: "no error message in the response"))
    }

    @Test func transportErrorsPassThroughTyped() async throws {
        let client = try makeClient { _ in throw TestRailError.timedOut }
        await #expect(throws: TestRailError.timedOut) { try await client.project(1) }
        let refused = try makeClient { _ in throw TestRailError.unreachable("connection refused") }
        let error = try await #require(throws: TestRailError.self) { try await refused.projects() }
        #expect(error.description == "cannot reach TestRail: connection refused")
    }

    @Test func followsNextLinksToTheEndAndKeepsFilters() async throws {
        let requested = LockedBox<[String]>([])
        let client = try makeClient { request in
            let query = request.url.query ?? ""
            requested.set(requested.get() + [query])
            let offset = Int(query.components(separatedBy: "offset=").last ?? "0") ?? 0
            let next = offset < 4 ? #""/api/v2/get_cases/1&suite_id=2&limit=2&offset=\#(offset + 2)""# : "null"
            let body =
                #"{"offset":\#(offset),"limit":2,"size":2,"_links":{"next":\#(next)},"cases":[{"id":\#(offset + 1),"title":"a"},{"id":\#(offset + 2),"title":"b"}]}"#
            return HTTPResponse(status: 200, body: Data(body.utf8))
        }
        let cases = try await client.all(
            .getCases(projectID: 1, suiteID: 2, offset: 0, limit: 2), itemsKey: "cases", as: TestCase.self)
        #expect(cases.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(
            requested.get() == [
                "/api/v2/get_cases/1&suite_id=2&limit=2&offset=0",
                "/api/v2/get_cases/1&suite_id=2&limit=2&offset=2",
                "/api/v2/get_cases/1&suite_id=2&limit=2&offset=4",
            ])
    }

    @Test func aLinkThatLoopsIsAnError() async throws {
        let client = try makeClient { _ in
            HTTPResponse(
                status: 200,
                body: Data(
                    #"{"offset":0,"limit":1,"size":1,"_links":{"next":"/api/v2/get_projects&limit=1&offset=0"},"projects":[{"id":1,"name":"P"}]}"#
                        .utf8))
        }
        await #expect(
            throws: TestRailError.malformedResponse(
                "the next link of get_projects&limit=1&offset=0 goes back to offset 0: it continues at offset 0 after 1 "
                    + "items from offset 0")
        ) {
            _ = try await client.all(
                TestRailEndpoint.getProjects(offset: 0, limit: 1), itemsKey: "projects", as: Project.self)
        }
    }

    @Test func theKeyNeverAppearsInDescriptions() throws {
        let credentials = Credentials(user: "qa@acme.test", apiKey: "s3cret-key")
        #expect(!"\(credentials)".contains("s3cret"))
        #expect(!String(reflecting: credentials).contains("s3cret"))
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("s3cret"))
    }
}

/// A tiny thread-safe box for observing requests from a `@Sendable` transport closure.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
