import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func fullJitterBackoffFollowsTheDocumentedTable() {
        let server = TestRailError.serverError(status: 502, message: "bad gateway")
        let ceilings = (1...5).map { failures in
            policy.decide(after: server, failures: failures, rateLimited: 0, unit: 1)
        }
        #expect(
            ceilings == [
                .retry(after: .milliseconds(500)), .retry(after: .seconds(1)), .retry(after: .seconds(2)),
                .retry(after: .seconds(4)), .retry(after: .seconds(8)),
            ])
        let capped = RetryPolicy(maxAttempts: 10)
        #expect(capped.decide(after: server, failures: 7, rateLimited: 0, unit: 1) == .retry(after: .seconds(20)))
        #expect(
            policy.decide(after: server, failures: 3, rateLimited: 0, unit: 0.25) == .retry(after: .milliseconds(500)))
    }

    @Test func attemptsAreBounded() {
        #expect(policy.decide(after: .timedOut, failures: 5, rateLimited: 0, unit: 0.5) != .fail)
        #expect(policy.decide(after: .timedOut, failures: 6, rateLimited: 0, unit: 0.5) == .fail)
        #expect(policy.decide(after: .rateLimited("", retryAfter: nil), failures: 0, rateLimited: 11, unit: 0) != .fail)
        #expect(policy.decide(after: .rateLimited("", retryAfter: nil), failures: 0, rateLimited: 12, unit: 0) == .fail)
    }

    @Test func a429WaitsAtTheLimiterNotHere() {
        let decision = policy.decide(
            after: .rateLimited("slow down", retryAfter: .seconds(30)), failures: 0, rateLimited: 1, unit: 0.9)
        #expect(decision == .retry(after: .zero))
    }

    @Test func maintenanceWaitsAtLeastItsRetryAfter() {
        let decision = policy.decide(
            after: .maintenance("down", retryAfter: .seconds(30)), failures: 1, rateLimited: 0, unit: 0.1)
        #expect(decision == .retry(after: .seconds(30)))
    }

    @Test(arguments: [
        TestRailError.badRequest("no such suite"), .unauthorized("wrong key"), .forbidden("API disabled"),
        .notFound("no method"), .malformedResponse("HTML"), .unreachable("connection refused"),
    ])
    func clientErrorsFailFast(error: TestRailError) {
        #expect(policy.decide(after: error, failures: 1, rateLimited: 0, unit: 0.5) == .fail)
    }

    @Test(arguments: [
        TestRailError.serverError(status: 500, message: ""), .timedOut, .connectionFailed("dropped"),
        .truncatedResponse("cut"), .maintenance("", retryAfter: nil),
    ])
    func transientErrorsAreRetried(error: TestRailError) {
        #expect(policy.decide(after: error, failures: 1, rateLimited: 0, unit: 0.5) != .fail)
    }

    /// HTML before any JSON answer: one more try (a warm run's first wave can meet a proxy's page before the instance
    /// has answered), then final with the wrong-URL hint; after JSON, retried like a 5xx.
    @Test func anHTMLPageBeforeAnyJSONGetsOneMoreTry() {
        let early = TestRailError.htmlPage(bytes: 300, transient: false)
        #expect(policy.decide(after: early, failures: 1, rateLimited: 0, unit: 1) == .retry(after: .milliseconds(500)))
        #expect(policy.decide(after: early, failures: 2, rateLimited: 0, unit: 1) == .fail)
        let late = TestRailError.htmlPage(bytes: 300, transient: true)
        #expect(policy.decide(after: late, failures: 5, rateLimited: 0, unit: 1) == .retry(after: .seconds(8)))
    }
}
