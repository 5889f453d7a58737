import Foundation
import Testing

@testable import TestRailAPI

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_792_567_680)  // Wed, 21 Oct 2026 07:28:00 GMT

    @Test func readsDelaySeconds() {
        #expect(RetryAfter.parse("5", now: now) == .seconds(5))
        #expect(RetryAfter.parse(" 0 ", now: now) == .seconds(0))
        #expect(RetryAfter.parse("-3", now: now) == .seconds(0))
    }

    @Test func readsAnHTTPDateRelativeToNow() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2026 07:28:10 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Wednesday, 21-Oct-26 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Wed Oct 21 07:29:00 2026", now: now) == .seconds(60))
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2026 07:27:00 GMT", now: now) == .zero)
    }

    @Test func garbageIsIgnored() {
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse(nil, now: now) == nil)
        #expect(RetryAfter.parse("", now: now) == nil)
    }

    /// A hostile header can neither trap (an Int64 overflow) nor ask for forever: a day at most; beyond
    /// ``RetryAfter/longestWait`` the answer is final, one line, not slept out.
    @Test func hugeDelaysAreClampedAndFinal() {
        #expect(RetryAfter.parse("1e300", now: now) == RetryAfter.ceiling)
        #expect(RetryAfter.parse("99999999999999999999", now: now) == RetryAfter.ceiling)
        #expect(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", now: now) == RetryAfter.ceiling)
        let hour = TestRailError.rateLimited("slow down", retryAfter: .seconds(3600))
        #expect(!hour.isRetryable)
        #expect(
            hour.description.hasSuffix(
                "(server asks to retry after 3600 s, longer than casediff waits; try again later)"))
        #expect(TestRailError.maintenance("soon", retryAfter: .seconds(300)).isRetryable)
        #expect(!TestRailError.maintenance("later", retryAfter: .seconds(301)).isRetryable)
    }
}
