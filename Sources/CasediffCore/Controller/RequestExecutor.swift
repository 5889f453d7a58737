import Foundation
import TestRailAPI

/// Sends one unit's request until it succeeds or its failure is final: through the circuit breaker, then the rate
/// limiter (every attempt, retries included), with a hard per-request timeout and ``RetryPolicy``'s backoff.
///
/// It returns the body undecoded: the controller decodes it outside the concurrency bound (and sends the request
/// again if the body turns out cut short).
struct RequestExecutor: Sendable {
    let client: TestRailClient
    let limiter: RateLimiter
    let breaker: CircuitBreaker
    let policy: RetryPolicy
    let clock: any EngineClock
    let metrics: MetricsRecorder
    let random: @Sendable () -> Double

    /// The body of a 2xx answer and the latency of the attempt that produced it.
    func perform(_ endpoint: TestRailEndpoint) async throws -> (data: Data, latency: Duration) {
        var failures = 0
        var rateLimited = 0
        while true {
            try Task.checkCancellation()
            try await breaker.pass()
            let sentAt: Duration
            do {
                sentAt = try await limiter.acquire()
            } catch {
                await breaker.recordNeutral()
                throw error
            }
            await metrics.started()
            let (result, bytes) = await attempt(endpoint)
            let latency = clock.now - sentAt
            await metrics.finished(latency: latency, bytes: bytes, rateLimited: result.isRateLimited)
            let error: TestRailError
            switch result {
            case .success(let data):
                await limiter.recordSuccess(sentAt: sentAt)
                await breaker.recordSuccess()
                return (data, latency)
            case .failure(let failure):
                error = failure
            }
            switch error {
            case .cancelled:
                await breaker.recordNeutral()
                throw CancellationError()
            case .rateLimited(_, let retryAfter):
                rateLimited += 1
                await limiter.recordRejection(sentAt: sentAt, retryAfter: retryAfter)
                await breaker.recordNeutral()
            case .maintenance(_, let retryAfter):
                failures += 1
                await limiter.pause(for: retryAfter ?? .seconds(1))
                await breaker.recordNeutral()
            default:
                failures += 1
                await limiter.recordSuccess(sentAt: sentAt)
                if CircuitBreakerState.counts(error) {
                    await breaker.recordFailure()
                } else {
                    await breaker.recordNeutral()
                }
            }
            switch policy.decide(after: error, failures: failures, rateLimited: rateLimited, unit: random()) {
            case .fail:
                throw error
            case .retry(let delay):
                await metrics.retried()
                if delay > .zero {
                    try await clock.sleep(for: delay)
                }
            }
        }
    }

    /// One HTTP exchange, bounded by the client's timeout even if the transport hangs.
    private func attempt(_ endpoint: TestRailEndpoint) async -> (Result<Data, TestRailError>, Int) {
        let client = self.client
        let clock = self.clock
        do {
            let data = try await withThrowingTaskGroup(of: Data.self) { group in
                group.addTask { try await client.data(for: endpoint) }
                group.addTask {
                    try await clock.sleep(for: client.timeout + .seconds(1))
                    throw TestRailError.timedOut
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw TestRailError.cancelled }
                return first
            }
            return (.success(data), data.count)
        } catch let error as TestRailError {
            return (.failure(error), 0)
        } catch {
            return (.failure(.cancelled), 0)
        }
    }
}

extension Result where Failure == TestRailError {
    fileprivate var isRateLimited: Bool {
        if case .failure(.rateLimited) = self { return true }
        return false
    }
}
