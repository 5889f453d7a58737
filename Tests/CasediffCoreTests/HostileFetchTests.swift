import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

@testable import CasediffCore

/// The engine against a simulator whose answers for one page are damaged on the way: every failing page ends the
/// run within its attempts, transient faults are retried, repaired text is reported.
@Suite struct HostileFetchTests {
    /// The second page of suite 5 in project 1 (the demo dataset has 294 cases there in all).
    static let target = "get_cases/1&suite_id=5&limit=250&offset=250"

    /// Runs a fetch of projects 1 and 2 whose answers to ``target`` pass through `damage` (given the answer and the
    /// number of times the page was asked for, from 1); returns the fetch and how often the page was asked for.
    func fetch(
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4, base: .milliseconds(1), cap: .milliseconds(5)),
        _ damage: @escaping @Sendable (HTTPResponse, Int) -> HTTPResponse
    ) async throws -> (Result<FetchController.Output, any Error>, Int) {
        try await TestRailSimulator.withRunning(dataset: CompareJobTests.dataset) { simulator in
            let count = Counter()
            let network = URLSessionTransport()
            let transport = ClosureTransport { request in
                let response = try await network.send(request)
                guard request.url.query?.hasSuffix(Self.target) == true else { return response }
                return damage(response, await count.next())
            }
            let demo = try simulator.demoClient()
            let client = TestRailClient(baseURL: demo.baseURL, credentials: demo.credentials, transport: transport)
            let clock = SystemEngineClock()
            let controller = FetchController(
                client: client, configuration: .init(speculation: false, retry: retry),
                limiter: RateLimiter(.init(ceiling: nil), clock: clock), clock: clock)
            let result: Result<FetchController.Output, any Error>
            do {
                result = .success(try await controller.run(left: .id(1), right: .id(2)))
            } catch {
                result = .failure(error)
            }
            return (result, await count.value)
        }
    }

    actor Counter {
        var value = 0
        func next() -> Int {
            value += 1
            return value
        }
    }

    static func truncated(_ response: HTTPResponse) -> HTTPResponse {
        HTTPResponse(status: 200, body: response.body.prefix(response.body.count / 2))
    }

    /// 5xx and cut-short bodies in turn: the page gets `maxAttempts` sends in all, not that many per kind.
    @Test func aPageFailingEveryWayIsSentAtMostMaxAttemptsTimes() async throws {
        let (result, sends) = try await fetch { response, attempt in
            attempt.isMultiple(of: 2) ? Self.truncated(response) : HTTPResponse(status: 500)
        }
        #expect(throws: CasediffError.self) { try result.get() }
        #expect(sends == 4)
    }

    @Test func everyTransientFaultKindIsRetried() async throws {
        let html = HTTPResponse(status: 200, body: Data("<!DOCTYPE html><html>Maintenance</html>".utf8))
        let (result, sends) = try await fetch { response, attempt in
            switch attempt {
            case 1: return html
            case 2: return Self.truncated(response)
            case 3: return HTTPResponse(status: 502)
            default: return response
            }
        }
        let output = try result.get()
        #expect(sends == 4 && output.left.caseCount == 294 && output.right.caseCount == 297)
    }

    @Test func aTitleWithBytesThatAreNotUTF8IsRepairedAndNamed() async throws {
        let (result, _) = try await fetch(retry: RetryPolicy()) { response, _ in
            var body = response.body
            let title = Data(#""title":""#.utf8)
            guard let range = body.range(of: title) else { return response }
            body.insert(0xFF, at: range.upperBound)
            return HTTPResponse(status: response.status, headers: response.headers, body: body)
        }
        let output = try result.get()
        #expect(output.left.caseCount == 294)
        let warnings = output.metrics.warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("case C") == true)
        #expect(warnings.first?.hasSuffix(": its title had bytes that are not UTF-8; shown as U+FFFD") == true)
        let repaired = output.left.suites.flatMap(\.cases).filter { $0.title.hasPrefix("\u{FFFD}") }
        #expect(repaired.count == 1)
    }

    @Test func aNextLinkIntoAnotherProjectEndsTheRun() async throws {
        let (result, _) = try await fetch { response, _ in
            let text = String(decoding: response.body, as: UTF8.self)
                .replacingOccurrences(
                    of: #""next":null"#, with: #""next":"\/api\/v2\/get_cases\/2&suite_id=21&limit=250&offset=500""#)
            return HTTPResponse(status: response.status, headers: response.headers, body: Data(text.utf8))
        }
        let error = try #require(throws: CasediffError.self) { try result.get() }
        #expect("\(error)".contains("leaves the list get_cases/1&suite_id=5"), "\(error)")
    }
}
