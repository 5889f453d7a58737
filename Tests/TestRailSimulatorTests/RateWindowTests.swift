import TestRailAPI
import Testing

@testable import TestRailSimulator

@Suite struct RateWindowTests {
    func at(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }

    @Test func matchesTheDocumentedTable() {
        var window = RateWindow(limit: 3)
        #expect(window.decide(at: at(0)) == .admit)
        #expect(window.decide(at: at(1)) == .admit)
        #expect(window.decide(at: at(2)) == .admit)
        #expect(window.decide(at: at(2.5)) == .reject(retryAfterSeconds: 58))
        #expect(window.decide(at: at(60)) == .admit)

        var late = RateWindow(limit: 3)
        _ = late.decide(at: at(0.2))
        _ = late.decide(at: at(1))
        _ = late.decide(at: at(2))
        #expect(late.decide(at: at(59.9)) == .reject(retryAfterSeconds: 1))
    }

    @Test func rejectedRequestsSpendNoBudget() {
        var window = RateWindow(limit: 2)
        _ = window.decide(at: at(0))
        _ = window.decide(at: at(0))
        for second in 1...59 {
            #expect(window.decide(at: at(Double(second))) != .admit)
        }
        #expect(window.decide(at: at(60)) == .admit)
        #expect(window.decide(at: at(60)) == .admit)
        #expect(window.decide(at: at(60)) != .admit)
    }

    @Test func neverAdmitsMoreThanTheLimitInAnySixtySeconds() {
        var window = RateWindow(limit: 180)
        var random = SeededRandom(seed: 7)
        var admitted: [Duration] = []
        var now = Duration.zero
        for _ in 0..<20_000 {
            now += .milliseconds(Int64(random.next() % 400))
            if window.decide(at: now) == .admit { admitted.append(now) }
        }
        var start = 0
        for end in admitted.indices {
            while admitted[start] + .seconds(60) <= admitted[end] { start += 1 }
            #expect(end - start + 1 <= 180)
        }
        #expect(admitted.count > 180)
    }
}
