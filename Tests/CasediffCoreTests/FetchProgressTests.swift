import Testing

@testable import CasediffCore

/// The display's state on virtual time: rate, 429s, retries and ETA from the engine's events.
@Suite struct FetchProgressTests {
    static func record(
        _ status: Int?, next: RequestRecord.Next = .done, latency: Duration = .milliseconds(100),
        retryAfter: Duration? = nil
    ) -> FetchEvent {
        .request(
            RequestRecord(
                id: RequestID(unit: "p1/s1/o0", attempt: 1), call: "get_cases/1", status: status,
                latency: latency, bytes: 10, retryAfter: retryAfter, next: next))
    }

    static func report(pages: Int, planned: Int, done: Bool = false) -> FetchEvent {
        .progress(
            FetchProgressReport(
                sides: [
                    .left: SideProgress(
                        project: "P1", suitesDone: done ? 2 : 0, suitesTotal: 2, cases: pages * 250,
                        casesExpected: planned * 250, pages: pages, pagesPlanned: planned)
                ], limitPerMinute: 180))
    }

    @Test func countsRateLimitsRetriesAndTheRecentRate() {
        var progress = FetchProgress()
        progress.apply(Self.record(200), at: .seconds(0))
        progress.apply(Self.record(429, next: .waitForLimit), at: .seconds(1))
        progress.apply(Self.record(500, next: .retry(after: .seconds(1))), at: .seconds(2))
        progress.apply(Self.record(200), at: .seconds(3))
        let view = progress.view(at: .seconds(4))
        #expect(view.requests == 4 && view.rateLimited == 1 && view.retries == 2)
        // Requests sent in the last minute: 4, however short the run so far.
        #expect(view.ratePerMinute == 4)
        progress.apply(Self.record(200), at: .seconds(33))
        #expect(progress.view(at: .seconds(34)).ratePerMinute == 5)
        // A minute on, only the request sent at 32.9 s is still within the window.
        #expect(progress.view(at: .seconds(63)).ratePerMinute == 1)
    }

    /// The 471/min against 420: the limiter's start-up burst, counted over a short window, extrapolated
    /// past the limit. Sends scheduled by the limiter itself never show above the limit, at any instant.
    @Test func theRateNeverShowsAboveTheLimitTheLimiterKeeps() {
        var limiter = RateLimiterState(.init(ceiling: 420))
        var progress = FetchProgress()
        var now = Duration.zero
        var shown: [Double] = []
        let latency = Duration.milliseconds(300)
        for _ in 0..<900 {
            let ticket = limiter.reserve(now: now)
            now = max(now, ticket.at)
            guard case .proceed(let sentAt) = limiter.confirm(ticket, now: now) else { continue }
            limiter.recordSuccess(sentAt: sentAt, now: sentAt + latency)
            progress.apply(Self.record(200, latency: latency), at: sentAt + latency)
            if let rate = progress.view(at: sentAt + latency).ratePerMinute { shown.append(rate) }
        }
        #expect(shown.max()! <= 420, "shown up to \(shown.max()!)/min")
        #expect(shown.last! >= 400, "at full speed it shows about the limit: \(shown.last!)")
    }

    /// A 429's Retry-After holds every request; the display counts it down instead of freezing at "0/min".
    @Test func aRetryAfterHoldIsCountedDown() {
        var progress = FetchProgress()
        progress.apply(Self.record(200), at: .seconds(1))
        progress.apply(Self.record(429, next: .waitForLimit, retryAfter: .seconds(30)), at: .seconds(10))
        #expect(progress.view(at: .seconds(10)).hold?.left == .seconds(30))
        let later = progress.view(at: .seconds(25.5))
        #expect(later.hold?.left == .seconds(14.5) && later.hold?.reason == "429 Retry-After")
        // A second 429 with a shorter Retry-After does not shorten the hold.
        progress.apply(Self.record(429, next: .waitForLimit, retryAfter: .seconds(2)), at: .seconds(26))
        #expect(progress.view(at: .seconds(30)).hold?.left == .seconds(10))
        #expect(progress.view(at: .seconds(40)).hold == nil)
        progress.apply(Self.record(409, next: .retry(after: .seconds(5)), retryAfter: .seconds(5)), at: .seconds(41))
        #expect(progress.view(at: .seconds(42)).hold?.reason == "409 maintenance")
        // A 429 without Retry-After waits the limiter's short default pause: nothing to count down.
        var bare = FetchProgress()
        bare.apply(Self.record(429, next: .waitForLimit), at: .seconds(1))
        #expect(bare.view(at: .seconds(1)).hold == nil)
    }

    @Test func theEtaIsTheRemainingPagesOverTheRecentThroughput() {
        var progress = FetchProgress()
        progress.apply(Self.report(pages: 0, planned: 40), at: .seconds(0))
        #expect(progress.view(at: .seconds(0)).eta == nil)
        progress.apply(Self.report(pages: 10, planned: 40), at: .seconds(5))
        // 10 pages in 5 s; 30 left: 15 s.
        let view = progress.view(at: .seconds(5))
        #expect(view.eta == .seconds(15) && view.planKnown && view.limitPerMinute == 180)
        progress.apply(Self.report(pages: 40, planned: 40, done: true), at: .seconds(12))
        #expect(progress.view(at: .seconds(12)).eta == .zero)
    }

    /// Sizes unknown (a first run): the pages known to come are a lower bound, so no ETA is given rather than a
    /// confident "≥ 6 s" for a 21 s run.
    @Test func anUnknownPlanGivesNoEta() {
        var progress = FetchProgress()
        let partial = FetchProgressReport(sides: [
            .left: SideProgress(project: "P1", cases: 0, pages: 0, pagesPlanned: 3)
        ])
        progress.apply(.progress(partial), at: .seconds(0))
        var later = partial
        later.sides[.left]!.pages = 2
        progress.apply(.progress(later), at: .seconds(2))
        let view = progress.view(at: .seconds(2))
        #expect(view.eta == nil && !view.planKnown)
    }

    /// A run on two instances: each session reports its own side; the display shows both, each with its host, and
    /// the limits added up.
    @Test func twoInstancesReportTheirSidesSeparately() {
        var progress = FetchProgress()
        let server = FetchProgressReport(
            sides: [.left: SideProgress(project: "P12 Storefront", suitesTotal: 3, pages: 2, pagesPlanned: 6)],
            limitPerMinute: 300, instance: "https://testrail.acme.internal/")
        let cloud = FetchProgressReport(
            sides: [.right: SideProgress(project: "P3 Storefront", suitesTotal: 3, pages: 1, pagesPlanned: 6)],
            limitPerMinute: 180, instance: "https://acme.testrail.io:8443/")
        progress.apply(.progress(server), at: .seconds(0))
        progress.apply(.progress(cloud), at: .seconds(1))
        var later = server
        later.sides[.left]!.pages = 4
        progress.apply(.progress(later), at: .seconds(2))
        let view = progress.view(at: .seconds(2))
        #expect(
            view.sides.map(\.progress.project) == [
                "P12 Storefront @ testrail.acme.internal", "P3 Storefront @ acme.testrail.io:8443",
            ])
        #expect(view.sides.map(\.progress.pages) == [4, 1] && view.limitPerMinute == 480)
        var unlimited = cloud
        unlimited.limitPerMinute = nil
        progress.apply(.progress(unlimited), at: .seconds(3))
        #expect(progress.view(at: .seconds(3)).limitPerMinute == nil, "one instance without a limit: no total limit")
    }
}
