import Foundation
import Synchronization
import TestRailAPI
import Testing

@testable import CasediffCore

/// A page that never succeeds fails within its attempts, on an injected clock.
@Suite struct RequestExecutorTests {
    /// Virtual time: a sleep moves the clock to its deadline at once.
    final class JumpingClock: EngineClock {
        private let instant = Mutex(Duration.zero)
        var now: Duration { instant.withLock { $0 } }

        func sleep(until deadline: Duration) async throws {
            instant.withLock { $0 = max($0, deadline) }
            await Task.yield()
            try Task.checkCancellation()
        }
    }

    func makeExecutor(
        _ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse, clock: JumpingClock,
        policy: RetryPolicy = RetryPolicy()
    ) throws -> RequestExecutor {
        let client = TestRailClient(
            baseURL: try TestRailBaseURL("https://acme.testrail.io/"),
            credentials: Credentials(user: "qa@acme.test", apiKey: "s3cret-key"), transport: ClosureTransport(handler),
            timeout: .seconds(30))
        return RequestExecutor(
            client: client, limiter: RateLimiter(.init(ceiling: nil), clock: clock),
            breaker: CircuitBreaker(clock: clock),
            policy: policy, clock: clock, metrics: MetricsRecorder(), random: { 1 })
    }

    /// A server that never answers: each attempt ends at the timeout, and the page fails after `maxAttempts`, within
    /// attempts × (timeout + 1 s) plus the backoff ceilings and the circuit breaker's cool-downs.
    @Test func aSilentServerFailsThePageWithinItsBound() async throws {
        let clock = JumpingClock()
        let sends = Mutex(0)
        let executor = try makeExecutor(
            { _ in
                sends.withLock { $0 += 1 }
                try await Task.sleep(for: .seconds(3600))
                throw TestRailError.cancelled
            }, clock: clock)
        await #expect(throws: TestRailError.timedOut) {
            _ = try await executor.perform(.getCases(projectID: 1, suiteID: 2), unit: "p1/s2")
        }
        #expect(sends.withLock { $0 } == 6)
        let backoff: Duration = .milliseconds(500 + 1000 + 2000 + 4000 + 8000)
        #expect(clock.now <= .seconds(6 * 31) + backoff + .seconds(30))
    }

    /// Failures before this call (bodies cut short) count: the page has only its remaining attempts.
    @Test func earlierFailuresCountTowardTheAttempts() async throws {
        let clock = JumpingClock()
        let sends = Mutex(0)
        let executor = try makeExecutor(
            { _ in
                sends.withLock { $0 += 1 }
                return HTTPResponse(status: 503)
            }, clock: clock)
        await #expect(throws: TestRailError.serverError(status: 503, message: "no error message in the response")) {
            _ = try await executor.perform(
                .getCases(projectID: 1, suiteID: 2), unit: "p1/s2", firstAttempt: 5, priorFailures: 4)
        }
        #expect(sends.withLock { $0 } == 2)
    }
}
