import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// Which rate a run uses and says it used: at the start, and after this run's 429s changed it.
@Suite struct RateChoiceTests {
    static let day = Date(timeIntervalSince1970: 1_792_540_800)  // 2026-10-21

    @Test func aRunWithout429sEndsWithTheChoiceItBeganWith() {
        let guessed = RateChoice.resolve(given: nil, learned: nil, guess: .server)
        #expect(guessed.settled(limitPerMinute: nil, statedPerMinute: nil, learned: false) == guessed)
        let learned = RateChoice.resolve(
            given: nil, learned: LearnedRate(requestsPerMinute: 20, learnedAt: Self.day), guess: .server)
        #expect(learned.settled(limitPerMinute: 20, statedPerMinute: nil, learned: false) == learned)
    }

    @Test func aGivenRateSaysWhoGaveIt() {
        let flag = RateChoice.resolve(
            given: .perMinute(30), givenBy: SettingSource.flag("--rate").brief, learned: nil, guess: .server)
        #expect(flag.description == "30/min (given by --rate)")
        let profile = RateChoice.resolve(
            given: .cloud,
            givenBy: SettingSource.profile(name: "ci", path: "/home/qa/.config/casediff/config.toml").brief,
            learned: nil, guess: .server)
        #expect(profile.description == "cloud (180/min) (given by profile 'ci')")
        #expect(RateChoice.resolve(given: .perMinute(30), learned: nil, guess: .server).description == "30/min")
    }

    /// The run: it began guessing no limit, and 429s said 20 per minute.
    @Test func aStatedLimitReplacesTheGuessInTheSummary() {
        let guessed = RateChoice.resolve(given: nil, learned: nil, guess: .server)
        let settled = guessed.settled(limitPerMinute: 20, statedPerMinute: 20, learned: true)
        #expect(settled.profile == .perMinute(20))
        #expect(
            settled.description
                == "20/min (stated by this run's 429 answers; began at server (no limit), guessed from the URL)")
        #expect(settled.started == guessed)
        #expect(!settled.description.contains("(no limit) (guessed"))
    }

    @Test(arguments: [
        (RateChoice(profile: .perMinute(30), origin: .given(by: "--rate")), "began at 30/min, given by --rate"),
        (RateChoice(profile: .perMinute(30), origin: .given(by: nil)), "began at 30/min, given"),
        (
            RateChoice(profile: .perMinute(25), origin: .learned(RateChoiceTests.day)),
            "began at 25/min, learned on 2026-10-21"
        ),
        (RateChoice(profile: .cloud, origin: .guessed), "began at cloud (180/min), guessed from the URL"),
    ])
    func theSummarySaysWhereTheRunBegan(start: RateChoice, began: String) {
        let stated = start.settled(limitPerMinute: 20, statedPerMinute: 20, learned: true)
        #expect(stated.description == "20/min (stated by this run's 429 answers; \(began))")
        let counted = start.settled(limitPerMinute: 17, statedPerMinute: nil, learned: true)
        #expect(counted.description == "17/min (learned from this run's 429s; \(began))")
        // Stated 20, then lowered by more 429s: no longer what the message said.
        let lowered = start.settled(limitPerMinute: 17, statedPerMinute: 20, learned: true)
        #expect(lowered.description == "17/min (learned from this run's 429s; \(began))")
        // Settling twice keeps the start.
        #expect(counted.settled(limitPerMinute: 15, statedPerMinute: nil, learned: true).started == start)
    }

    /// On virtual time: a run guessing the cloud's 180/min meets a 429 saying 20 per minute. The limiter adopts 20,
    /// the outcome says so, and the store keeps 20 for the next run (counting would have kept less).
    @Test func aSessionAdoptsAndRemembersTheStatedLimit() async throws {
        let clock = ManualClock()
        let server = VirtualServer(
            dataset: CompareJobTests.dataset, clock: clock,
            rejections: [.init(fragments: ["get_cases/1"], retryAfterSeconds: 30, statedLimit: 20)])
        let store = MemoryStore()
        let session = FetchSession(
            client: try server.client(), options: .init(clock: clock, store: await store.settings()))
        let outcome = try await VirtualTimeExecutor.run(clock: clock) {
            try await session.run(projects: [.left: .id(1), .right: .id(2)])
        }
        #expect(outcome.metrics.rateLimited == 1)
        #expect(outcome.rate.profile == .perMinute(20))
        #expect(
            outcome.rate.description.hasPrefix("20/min (stated by this run's 429 answers; began at cloud (180/min)"))
        let remembered = try await store.learnedRate(instance: try server.client().baseURL.description)
        #expect(remembered?.requestsPerMinute == 20)
    }
}
