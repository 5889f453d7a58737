import Foundation
import TestRailAPI

/// Sends one unit's request until it succeeds or its failure is final: through the circuit breaker, then the rate
/// limiter (every attempt, retries included), with a hard per-request timeout and ``RetryPolicy``'s backoff.
///
/// It returns the body undecoded: the ``PageSource`` decodes it (``UnitPayload/decoding(_:for:)``) in a task of its
/// own, outside the concurrency bound, and the controller sends the request again if the body turns out cut short.
/// Every attempt is reported to the observer as a ``RequestRecord``.
struct RequestExecutor: Sendable {
    let client: TestRailClient
    let limiter: RateLimiter
    let breaker: CircuitBreaker
    let policy: RetryPolicy
    let clock: any EngineClock
    let metrics: MetricsRecorder
    let random: @Sendable () -> Double
    var observer: (any FetchObserver)?

    /// The body of a 2xx answer, the latency of the attempt that produced it, that attempt's number and the
    /// failures counted so far.
    ///
    /// - Parameters:
    ///   - unit: names the request in logs (``RequestID``); attempts count from `firstAttempt`.
    ///   - priorFailures: failures of earlier calls for the same page (a body cut short, sent again): a page's
    ///     attempts are bounded by the policy's `maxAttempts` in all, not per call.
    ///   - admitted: a permit already granted (``admit()``): the first attempt goes under it at once.
    func perform(
        _ endpoint: TestRailEndpoint, unit: String, firstAttempt: Int = 1, priorFailures: Int = 0,
        admitted: RateLimiter.Permit? = nil
    ) async throws -> (data: Data, latency: Duration, attempt: Int, failures: Int) {
        var failures = priorFailures
        var rateLimited = 0
        var attempt = firstAttempt - 1
        var permit = admitted
        while true {
            let sentAt: Duration
            if let granted = permit {
                permit = nil
                if Task.isCancelled {
                    await giveBack(granted)
                    throw CancellationError()
                }
                sentAt = granted.sentAt
            } else {
                try Task.checkCancellation()
                sentAt = try await admit().sentAt
            }
            await metrics.started()
            attempt += 1
            let id = RequestID(unit: unit, attempt: attempt)
            let (result, bytes) = await send(endpoint)
            let latency = clock.now - sentAt
            await metrics.finished(latency: latency, bytes: bytes, rateLimited: result.isRateLimited)
            let error: TestRailError
            switch result {
            case .success(let data):
                await limiter.recordSuccess(sentAt: sentAt)
                await breaker.recordSuccess()
                await report(id, endpoint, status: 200, latency: latency, bytes: bytes, next: .done)
                return (data, latency, attempt, failures)
            case .failure(let failure):
                error = failure
            }
            switch error {
            case .cancelled:
                await breaker.recordNeutral()
                await report(id, endpoint, error: error, latency: latency, next: .fail)
                throw CancellationError()
            case .rateLimited(_, let retryAfter):
                rateLimited += 1
                await limiter.recordRejection(
                    sentAt: sentAt, retryAfter: retryAfter, statedPerMinute: error.statedRateLimit)
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
                await report(id, endpoint, error: error, latency: latency, next: .fail)
                throw error
            case .retry(let delay):
                let next: RequestRecord.Next = error.httpStatus == 429 ? .waitForLimit : .retry(after: delay)
                await report(id, endpoint, error: error, latency: latency, next: next)
                await metrics.retried()
                if delay > .zero {
                    try await clock.sleep(for: delay)
                }
            }
        }
    }

    /// Waits until the circuit breaker lets a request through and the rate limiter grants a permit; the request
    /// must go at once under it, or the permit be given back (``giveBack(_:)``).
    func admit() async throws -> RateLimiter.Permit {
        try await breaker.pass()
        do {
            return try await limiter.acquirePermit()
        } catch {
            await breaker.recordNeutral()
            throw error
        }
    }

    /// A permit nothing was sent under: the limiter forgets it, and the breaker's probe slot is free again.
    func giveBack(_ permit: RateLimiter.Permit) async {
        await limiter.giveBack(permit)
        await breaker.recordNeutral()
    }

    private func report(
        _ id: RequestID, _ endpoint: TestRailEndpoint, status: Int? = nil, error: TestRailError? = nil,
        latency: Duration, bytes: Int = 0, next: RequestRecord.Next
    ) async {
        guard let observer else { return }
        let record = RequestRecord(
            id: id, call: endpoint.description, status: status ?? error?.httpStatus,
            error: error.map { String(describing: $0) }, latency: latency, bytes: bytes,
            retryAfter: error?.retryAfter, next: next)
        await observer.observe(.request(record))
    }

    /// One HTTP exchange, bounded by the client's timeout even if the transport hangs.
    private func send(_ endpoint: TestRailEndpoint) async -> (Result<Data, TestRailError>, Int) {
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
