import TestRailSimulator
import Testing

@testable import CasediffCore

/// The limiter's decisions on virtual time: instants are plain durations, nothing sleeps.
@Suite struct RateLimiterStateTests {
    func makeState(ceiling: Int?, burst: Int = 4, margin: Duration = .seconds(1)) -> RateLimiterState {
        RateLimiterState(.init(ceiling: ceiling, burst: burst, margin: margin))
    }

    /// Sends `count` requests back to back as fast as the limiter allows, confirming each at its ticket's time
    /// plus `delay(i)`; returns the send instants.
    func drain(_ state: inout RateLimiterState, count: Int, delay: (Int) -> Duration = { _ in .zero }) -> [Duration] {
        var sent: [Duration] = []
        var now = Duration.zero
        for index in 0..<count {
            var ticket = state.reserve(now: now)
            var wakeDelay = delay(index)  // only the first wake-up is late
            while true {
                now = max(now, ticket.at + wakeDelay)
                wakeDelay = .zero
                switch state.confirm(ticket, now: now) {
                case .proceed(let at):
                    sent.append(at)
                case .reschedule(let next):
                    ticket = next
                    continue
                }
                break
            }
            state.recordSuccess(sentAt: now, now: now)
        }
        return sent
    }

    func maxInAnyWindow(_ instants: [Duration], window: Duration = .seconds(60)) -> Int {
        var best = 0
        var start = 0
        for end in instants.indices {
            while instants[end] - instants[start] >= window { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }

    @Test func aSmallBurstThenOnePermitPerInterval() {
        var state = makeState(ceiling: 60)
        let sent = drain(&state, count: 7)
        #expect(sent == [.zero, .zero, .zero, .zero, .seconds(1), .seconds(2), .seconds(3)])
    }

    @Test func neverMoreThanTheLimitInAnySixtySecondWindow() {
        var state = makeState(ceiling: 180)
        let sent = drain(&state, count: 600)
        #expect(maxInAnyWindow(sent) <= 180)
        // …and not much slower than the limit: 600 requests at 3/s take about 200 s.
        #expect(sent.last! < .seconds(205))
    }

    @Test func lateWakeUpsNeverPushAWindowOverTheLimit() {
        var state = makeState(ceiling: 120)
        // Every third caller wakes 0.4 s late, some later than half the margin (they are rescheduled).
        let sent = drain(&state, count: 500) { index in index % 3 == 0 ? .milliseconds(400 + (index % 7) * 50) : .zero }
        #expect(maxInAnyWindow(sent) <= 120)
    }

    @Test func unlimitedGrantsImmediately() {
        var state = makeState(ceiling: nil)
        #expect(drain(&state, count: 50).allSatisfy { $0 == .zero })
        #expect(state.requestsPerMinute == nil)
    }

    @Test func retryAfterIsNeverViolated() {
        var state = makeState(ceiling: 180)
        let tickets = (0..<8).map { _ in state.reserve(now: .zero) }
        // The first request is answered 429 with Retry-After 20 s at t = 0.2 s.
        guard case .proceed(let sentAt) = state.confirm(tickets[0], now: .zero) else {
            Issue.record("the first ticket should go at once")
            return
        }
        state.recordRejection(sentAt: sentAt, retryAfter: .seconds(20), jitter: .milliseconds(300), now: .seconds(0.2))
        let gate = Duration.seconds(20.5)
        for ticket in tickets.dropFirst() {
            var current = ticket
            var now = ticket.at
            while case .reschedule(let next) = state.confirm(current, now: now) {
                current = next
                now = next.at
            }
            #expect(now >= gate, "a request went at \(now), inside Retry-After")
        }
        #expect(state.reserve(now: .seconds(1)).at >= gate)
    }

    @Test func cancelledPermitsAreReturned() {
        var state = makeState(ceiling: 60, burst: 1)
        let first = state.reserve(now: .zero)
        let pending = (0..<10).map { _ in state.reserve(now: .zero) }
        #expect(pending.last!.at == .seconds(10))
        for ticket in pending.reversed() { state.cancel(ticket, now: .zero) }
        #expect(state.pendingPermits == 1)
        _ = state.confirm(first, now: .zero)
        #expect(state.pendingPermits == 0)
        // The ten returned permits are available again: the next request goes one interval after the first.
        #expect(state.reserve(now: .zero).at == .seconds(1))
    }

    @Test func aConfirmedPermitGivenBackNeitherCountsNorSpendsAToken() {
        var state = makeState(ceiling: 60, burst: 1)
        let first = state.reserve(now: .zero)
        #expect(state.confirm(first, now: .zero) == .proceed(sentAt: .zero))
        // Taken before the controller picked its unit, and none was left to pick: given back at once.
        state.giveBack(first, now: .zero)
        let again = state.reserve(now: .zero)
        #expect(again.at == .zero, "the token is back")
        // A permit still pending is not given back this way (that is ``cancel(_:now:)``).
        state.giveBack(again, now: .zero)
        #expect(state.pendingPermits == 1)
    }

    /// At most `limit` requests in any window, counting only permits that were used.
    @Test func givenBackPermitsLeaveTheWindowFree() {
        var state = makeState(ceiling: 3, burst: 3)
        for _ in 0..<3 {
            let ticket = state.reserve(now: .zero)
            _ = state.confirm(ticket, now: .zero)
            state.giveBack(ticket, now: .zero)
        }
        let sent = drain(&state, count: 3)
        #expect(sent == [.zero, .zero, .zero])
    }

    @Test(arguments: [180, nil] as [Int?])
    func convergesNearAnUnknownLowerLimit(ceiling: Int?) {
        // The server's true limit is 120/min (a sliding window, as TestRail Cloud); casediff assumes `ceiling`.
        var state = makeState(ceiling: ceiling)
        var server = RateWindow(limit: 120)
        var now = Duration.zero
        var accepted: [Duration] = []
        var rejected = 0
        let latency = Duration.milliseconds(200)
        while now < .seconds(20 * 60) {
            let sentAt = Self.send(&state, now: &now)
            now = sentAt + latency
            switch server.decide(at: sentAt + latency / 2) {
            case .admit:
                accepted.append(sentAt)
                state.recordSuccess(sentAt: sentAt, now: now)
            case .reject(let seconds):
                rejected += 1
                state.recordRejection(sentAt: sentAt, retryAfter: .seconds(seconds), jitter: .zero, now: now)
            }
        }
        let lastTenMinutes = accepted.filter { $0 >= .seconds(10 * 60) }.count
        #expect(Double(lastTenMinutes) / 10 >= 120 * 0.9, "converged to \(Double(lastTenMinutes) / 10)/min")
        #expect(Double(rejected) / Double(accepted.count + rejected) <= 0.02, "\(rejected) rejections")
        #expect((state.limit ?? .max) <= 121)
    }

    @Test func recoversTowardTheCeilingAfterACalmInterval() {
        var state = makeState(ceiling: 180)
        state.recordRejection(sentAt: .zero, retryAfter: .seconds(1), jitter: .zero, now: .zero)
        let lowered = state.limit!
        #expect(lowered < 180)
        state.recordSuccess(sentAt: .seconds(10), now: .seconds(10))
        #expect(state.limit == lowered, "no rise before the recovery interval")
        state.recordSuccess(sentAt: .seconds(31), now: .seconds(31))
        #expect(state.limit == lowered + 3)
    }
}

extension RateLimiterStateTests {
    @Test func a429OurVolumeDidNotCauseClosesTheGateWithoutLearningATinyLimit() {
        var state = makeState(ceiling: nil)
        let sent = drain(&state, count: 15)
        // Fifteen requests in no time, then a 429 that frees up after 1 s: not a full 60 s window of ours.
        state.recordRejection(sentAt: sent.last!, retryAfter: .seconds(1), jitter: .zero, now: .milliseconds(100))
        #expect(state.limit == nil)
        #expect(state.reserve(now: .milliseconds(200)).at == .milliseconds(1100))
        #expect(state.reserve(now: .milliseconds(200)).at == .milliseconds(1100))
    }
}

extension RateLimiterStateTests {
    /// Reserves a slot at `now` and confirms it, rescheduling as the state says, as ``RateLimiter`` does; `now`
    /// moves to when the request goes out, which is returned.
    static func send(_ state: inout RateLimiterState, now: inout Duration) -> Duration {
        var ticket = state.reserve(now: now)
        while true {
            now = max(now, ticket.at)
            switch state.confirm(ticket, now: now) {
            case .proceed(let at): return at
            case .reschedule(let next): ticket = next
            }
        }
    }

    /// The issue's run: a server at 20/min whose 429s say so, casediff guessing no limit. Counting alone learned
    /// 12/min; the message makes it 20, and recovery never climbs past it.
    @Test func aStatedLimitIsAdoptedAsItIs() {
        var state = makeState(ceiling: nil)
        var server = RateWindow(limit: 20)
        var now = Duration.zero
        var rejections: [Duration] = []
        var accepted: [Duration] = []
        while now < .seconds(5 * 60) {
            let sentAt = Self.send(&state, now: &now)
            now = sentAt + .milliseconds(200)
            switch server.decide(at: sentAt + .milliseconds(100)) {
            case .admit:
                accepted.append(sentAt)
                state.recordSuccess(sentAt: sentAt, now: now)
            case .reject(let seconds):
                rejections.append(sentAt)
                state.recordRejection(
                    sentAt: sentAt, retryAfter: .seconds(seconds), statedPerMinute: 20, jitter: .zero, now: now)
            }
        }
        #expect(state.limit == 20 && state.learnedLimit == 20 && state.statedLimit == 20)
        #expect(rejections.count == 1, "one 429 teaches the limit: \(rejections)")
        let lastThreeMinutes = accepted.filter { $0 >= .seconds(2 * 60) }.count
        #expect(lastThreeMinutes >= 3 * 19, "\(lastThreeMinutes) in the last three minutes")
    }

    @Test func aStatedLimitCapsTheCeilingAndRecovery() {
        var state = makeState(ceiling: 180)
        state.recordRejection(sentAt: .zero, retryAfter: .seconds(1), statedPerMinute: 120, jitter: .zero, now: .zero)
        #expect(state.limit == 120 && state.learnedLimit == 120)
        state.recordSuccess(sentAt: .seconds(40), now: .seconds(40))
        #expect(state.limit == 120, "recovery stops at the stated limit, not the profile's 180")
    }

    /// At the stated limit already and still refused: another client shares the quota (or an earlier run's requests
    /// are still in the server's window), so this run slows down; what the next run starts at stays the stated
    /// limit, so runs back to back never ratchet it down.
    @Test func a429AtTheStatedLimitDecreasesItForThisRunOnly() {
        var state = makeState(ceiling: 120)
        state.recordRejection(sentAt: .zero, retryAfter: .seconds(1), statedPerMinute: 120, jitter: .zero, now: .zero)
        #expect(state.limit == 102 && state.statedLimit == 120 && state.learnedLimit == 120)
        state.recordRejection(
            sentAt: .seconds(30), retryAfter: .seconds(1), statedPerMinute: 120, jitter: .zero, now: .seconds(30))
        #expect(state.limit == 86 && state.learnedLimit == 120)
    }

    @Test func anAbsurdOrMissingStatementFallsBackToCounting() {
        var state = makeState(ceiling: 180)
        state.recordRejection(sentAt: .zero, retryAfter: .seconds(1), statedPerMinute: 0, jitter: .zero, now: .zero)
        #expect(state.statedLimit == nil && state.limit == 153)
    }
}
