import Testing

@testable import CasediffCore

/// The display's state on virtual time: rate, 429s, retries and ETA from the engine's events.
@Suite struct FetchProgressTests {
    static func record(_ status: Int?, next: RequestRecord.Next = .done) -> FetchEvent {
        .request(
            RequestRecord(
                id: RequestID(unit: "p1/s1/o0", attempt: 1), call: "get_cases/1", status: status,
                latency: .milliseconds(100), bytes: 10, next: next))
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
        // 4 requests in the 4 s since the start: 60 per minute.
        #expect(view.ratePerMinute == 60)
        // 30 s later only requests within the window count.
        progress.apply(Self.record(200), at: .seconds(33))
        #expect(progress.view(at: .seconds(34)).ratePerMinute == 4)
    }

    @Test func theEtaIsTheRemainingPagesOverTheRecentThroughput() {
        var progress = FetchProgress()
        progress.apply(Self.report(pages: 0, planned: 40), at: .seconds(0))
        #expect(progress.view(at: .seconds(0)).eta == nil)
        progress.apply(Self.report(pages: 10, planned: 40), at: .seconds(5))
        // 10 pages in 5 s; 30 left: 15 s.
        let view = progress.view(at: .seconds(5))
        #expect(view.eta == .seconds(15) && view.etaIsLowerBound == false && view.limitPerMinute == 180)
        progress.apply(Self.report(pages: 40, planned: 40, done: true), at: .seconds(12))
        #expect(progress.view(at: .seconds(12)).eta == .zero)
    }

    @Test func anUnknownPlanMakesTheEtaALowerBound() {
        var progress = FetchProgress()
        let partial = FetchProgressReport(sides: [
            .left: SideProgress(project: "P1", cases: 0, pages: 0, pagesPlanned: 3)
        ])
        progress.apply(.progress(partial), at: .seconds(0))
        var later = partial
        later.sides[.left]!.pages = 2
        progress.apply(.progress(later), at: .seconds(2))
        #expect(progress.view(at: .seconds(2)).etaIsLowerBound)
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
