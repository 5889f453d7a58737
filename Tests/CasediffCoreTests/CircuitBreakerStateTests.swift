import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct CircuitBreakerStateTests {
    @Test func followsTheDocumentedTable() {
        var breaker = CircuitBreakerState(threshold: 5, cooldown: .seconds(2))
        for second in 6...9 { breaker.recordFailure(now: .seconds(second)) }
        #expect(breaker.phase == .closed(failures: 4))
        breaker.recordFailure(now: .seconds(10))
        #expect(breaker.phase == .open(until: .seconds(12)))
        #expect(breaker.admit(now: .seconds(11)) == .wait(until: .seconds(12)))
        #expect(breaker.admit(now: .seconds(12)) == .proceed)
        #expect(breaker.phase == .halfOpen(probing: true))
        // Only the probe goes; the others check back shortly.
        #expect(breaker.admit(now: .milliseconds(12_100)) == .wait(until: .milliseconds(12_200)))
        breaker.recordFailure(now: .milliseconds(12_300))
        #expect(breaker.phase == .open(until: .milliseconds(16_300)))
        #expect(breaker.admit(now: .milliseconds(16_300)) == .proceed)
        breaker.recordSuccess()
        #expect(breaker.phase == .closed(failures: 0))
        #expect(breaker.openings == 2)
    }

    @Test func aSuccessResetsTheCount() {
        var breaker = CircuitBreakerState(threshold: 3)
        breaker.recordFailure(now: .zero)
        breaker.recordFailure(now: .zero)
        breaker.recordSuccess()
        breaker.recordFailure(now: .zero)
        #expect(breaker.phase == .closed(failures: 1))
    }

    @Test func aProbeThatEndsNeutrallyFreesTheSlot() {
        var breaker = CircuitBreakerState(threshold: 1, cooldown: .seconds(1))
        breaker.recordFailure(now: .zero)
        #expect(breaker.admit(now: .seconds(1)) == .proceed)
        breaker.recordNeutral()
        #expect(breaker.admit(now: .seconds(1)) == .proceed)
    }

    @Test func rateLimitsAndClientErrorsDoNotCount() {
        #expect(!CircuitBreakerState.counts(.rateLimited("", retryAfter: nil)))
        #expect(!CircuitBreakerState.counts(.badRequest("")))
        #expect(CircuitBreakerState.counts(.serverError(status: 503, message: "")))
        #expect(CircuitBreakerState.counts(.timedOut))
    }
}
