import TestRailAPI
import Testing

@testable import CasediffCore

/// The controller loop's decisions on plain values: no tasks, no clock, no network.
@Suite struct DispatchStateTests {
    /// Units handed out in order (the planner's part, as far as the dispatch sees it).
    struct ListSource: UnitSource {
        var units: [WorkUnit]
        var asked: [Bool] = []

        mutating func hasReadyUnit(rateBound: Bool) -> Bool { !units.isEmpty }

        mutating func nextUnit(rateBound: Bool) -> WorkUnit? {
            asked.append(rateBound)
            return units.isEmpty ? nil : units.removeFirst()
        }
    }

    static func unit(_ offset: Int, suite: Int = 1) -> WorkUnit {
        WorkUnit(
            kind: .cases(.left, suiteID: suite),
            endpoint: .getCases(projectID: 1, suiteID: suite, offset: offset, limit: 250), offset: offset)
    }

    static func units(_ count: Int) -> [WorkUnit] { (0..<count).map { unit($0 * 250) } }

    /// A permit as the limiter grants it.
    static func permit() async throws -> RateLimiter.Permit {
        try await RateLimiter(.init(ceiling: nil), clock: SystemEngineClock()).acquirePermit()
    }

    func makeState(concurrency: Int = 3, maxAttempts: Int = 6, bindAtPermit: Bool = true) -> DispatchState {
        DispatchState(.init(concurrency: concurrency, maxAttempts: maxAttempts, bindAtPermit: bindAtPermit))
    }

    /// The rows of the rate-bound table.
    @Test(
        arguments: [
            (180.0, 1.0, 8, true), (180.0, 0.2, 8, true), (3000.0, 0.5, 8, false), (nil, 1.0, 8, false),
        ] as [(Double?, Double, Int, Bool)])
    func theRateBindsWhenFewerRequestsThanTheConcurrencySaturateIt(
        perMinute: Double?, latency: Double, concurrency: Int, binds: Bool
    ) {
        var state = makeState(concurrency: concurrency)
        // Enough answers of `latency` bring the average there from anywhere.
        for _ in 0..<200 {
            var source = ListSource(units: [Self.unit(0)])
            _ = state.dispatch(perMinute: nil, from: &source)
            state.fetched(latency: .nanoseconds(Int64(latency * 1e9)))
            _ = state.decoded(.init(unit: Self.unit(0)), .success(.caseTypes([])))
        }
        #expect(abs(state.latencyEstimate - latency) < 1e-9)
        #expect(state.rateBound(perMinute: perMinute) == binds)
    }

    /// The rows of the latency table: a fifth the newest, from 0.25 s.
    @Test func theLatencyIsAMovingAverage() {
        var state = makeState()
        #expect(state.latencyEstimate == 0.25)
        var source = ListSource(units: Self.units(2))
        _ = state.dispatch(perMinute: nil, from: &source)
        state.fetched(latency: .seconds(1))
        #expect(abs(state.latencyEstimate - 0.40) < 1e-12)
        state.fetched(latency: .seconds(1))
        #expect(abs(state.latencyEstimate - 0.52) < 1e-12)
        #expect(state.inFlight == 0 && state.decoding == 2)
    }

    /// The rows of the cut-short table: a page's failures in all stay under `maxAttempts`.
    @Test func aBodyCutShortIsSentAgainWhileAttemptsRemain() {
        var state = makeState(concurrency: 1, bindAtPermit: false)
        var source = ListSource(units: [Self.unit(0), Self.unit(250)])
        #expect(state.dispatch(perMinute: nil, from: &source) == [.fetch(.init(unit: Self.unit(0)))])
        state.fetched(latency: .milliseconds(100))
        let first = DispatchState.Send(unit: Self.unit(0), attempt: 1, failures: 0)
        #expect(state.decoded(first, .failure(.truncatedResponse("cut"))) == .sendAgain)
        // The page goes again before anything new, its attempt and failures counted on.
        #expect(
            state.dispatch(perMinute: nil, from: &source) == [
                .fetch(.init(unit: Self.unit(0), attempt: 2, failures: 1))
            ])
        state.fetched(latency: .milliseconds(100))
        let last = DispatchState.Send(unit: Self.unit(0), attempt: 6, failures: 5)
        #expect(state.decoded(last, .failure(.truncatedResponse("cut"))) == .deliver)
        #expect(state.decoded(first, .failure(.malformedResponse("not JSON"))) == .deliver, "not retryable")
        #expect(state.decoded(first, .success(.caseTypes([]))) == .deliver)
    }

    /// Without a limit (or with stored pages that may answer units) slots take units at once, up to the concurrency.
    @Test func atDispatchFreeSlotsTakeUnitsAtOnce() {
        var state = makeState(concurrency: 3)
        var source = ListSource(units: Self.units(5))
        let actions = state.dispatch(perMinute: nil, from: &source)
        #expect(actions == Self.units(3).map { .fetch(.init(unit: $0)) })
        #expect(state.dispatch(perMinute: nil, from: &source).isEmpty, "every slot is taken")
        state.answered()
        #expect(state.dispatch(perMinute: nil, from: &source) == [.fetch(.init(unit: Self.unit(750)))])
        #expect(source.asked.allSatisfy { !$0 }, "no limit: the rate never binds")

        var stored = makeState(concurrency: 2, bindAtPermit: false)
        var more = ListSource(units: Self.units(3))
        #expect(stored.dispatch(perMinute: 180, from: &more).count == 2, "stored pages answer without a permit")
        #expect(more.asked == [true, true], "180/min at 0.25 s binds: no speculation")
    }

    /// Under a limit the unit is chosen when the permit comes: a unit that arrived while the permit was awaited,
    /// ahead of the others, is the one sent.
    @Test func atThePermitTheBestUnitThenIsSent() async throws {
        var state = makeState(concurrency: 3)
        var source = ListSource(units: [Self.unit(0, suite: 2)])
        #expect(state.dispatch(perMinute: 180, from: &source) == [.awaitPermit])
        #expect(state.dispatch(perMinute: 180, from: &source).isEmpty, "one permit awaited at a time")
        #expect(state.inFlight == 1 && state.awaitingPermit)
        // Meanwhile a chain's next page became known and went to the front.
        source.units.insert(Self.unit(500), at: 0)
        let permit = try await Self.permit()
        #expect(
            state.permitGranted(permit, perMinute: 180, from: &source) == .send(.init(unit: Self.unit(500)), permit))
        #expect(state.dispatch(perMinute: 180, from: &source) == [.awaitPermit], "a unit is still ready")
        source.units.removeAll()
        #expect(state.permitGranted(permit, perMinute: 180, from: &source) == .giveBack(permit), "none left")
        #expect(state.inFlight == 1, "only the request sent holds a slot")
        #expect(state.dispatch(perMinute: 180, from: &source).isEmpty, "no unit ready: no permit awaited")
        source.units = [Self.unit(750)]
        #expect(state.dispatch(perMinute: 180, from: &source) == [.awaitPermit])
        #expect(state.permitGranted(nil, perMinute: 180, from: &source) == nil, "the wait was cancelled")
        #expect(state.inFlight == 1 && !state.awaitingPermit)
    }

    @Test func atThePermitTheConcurrencyStillBounds() async throws {
        var state = makeState(concurrency: 2)
        var source = ListSource(units: Self.units(4))
        let permit = try await Self.permit()
        for _ in 0..<2 {
            #expect(state.dispatch(perMinute: 180, from: &source) == [.awaitPermit])
            guard case .send? = state.permitGranted(permit, perMinute: 180, from: &source) else {
                Issue.record("expected a send")
                return
            }
        }
        #expect(state.dispatch(perMinute: 180, from: &source).isEmpty, "two requests on their way")
        state.fetched(latency: .seconds(1))
        #expect(state.dispatch(perMinute: 180, from: &source) == [.awaitPermit])
        #expect(!state.isIdle)
    }

    @Test func aResendAlsoWaitsForAPermit() async throws {
        var state = makeState(concurrency: 1)
        var source = ListSource(units: [Self.unit(0)])
        #expect(state.dispatch(perMinute: 60, from: &source) == [.awaitPermit])
        let permit = try await Self.permit()
        let send = DispatchState.Send(unit: Self.unit(0))
        #expect(state.permitGranted(permit, perMinute: 60, from: &source) == .send(send, permit))
        state.fetched(latency: .milliseconds(300))
        #expect(state.decoded(send, .failure(.truncatedResponse("cut"))) == .sendAgain)
        #expect(state.dispatch(perMinute: 60, from: &source) == [.awaitPermit], "the page goes again, after a permit")
        #expect(
            state.permitGranted(permit, perMinute: 60, from: &source)
                == .send(.init(unit: Self.unit(0), attempt: 2, failures: 1), permit))
    }
}
