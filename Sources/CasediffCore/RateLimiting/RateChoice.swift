import Foundation

/// The rate profile a run uses and where it came from, for the statistics line: at the start, the first row that
/// applies; at the end (``settled(limitPerMinute:statedPerMinute:learned:)``), what this run's 429s changed.
///
/// | `--rate` | learned in the store | this run's 429s         | the statistics line says                     |
/// |----------|----------------------|-------------------------|----------------------------------------------|
/// | given    | any                  | none                    | the given profile and who gave it            |
/// | none     | 119/min              | none                    | 119/min, learned on that day                 |
/// | none     | none                 | none                    | the URL's guess                              |
/// | any      | any                  | "20 per minute" stated  | 20/min, stated by 429s; began at the above   |
/// | any      | any                  | counted down to 17/min  | 17/min, learned from 429s; began at the above |
/// | any      | any                  | "20", then more 429s    | 17/min, learned from 429s; began at the above |
public struct RateChoice: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Origin: Sendable, Hashable {
        /// `--rate` or a configuration profile's `rate`; `by` names it (`--rate`, `profile 'ci'`) when known.
        case given(by: String?)
        case learned(Date)
        case guessed
        /// This run's 429 answers stated the limit (``RateLimitMessage``); the run began with `before`.
        case stated(before: RateChoice)
        /// This run's 429s taught a limit by counting (their messages stated none); the run began with `before`.
        case adapted(before: RateChoice)
    }

    public var profile: RateProfile
    public var origin: Origin

    public init(profile: RateProfile, origin: Origin) {
        self.profile = profile
        self.origin = origin
    }

    /// The choice for an explicit profile, a learned rate and the URL's guess, in that order of precedence.
    ///
    /// - Parameter givenBy: where `given` came from (`--rate`, `profile 'ci'`), for the statistics line.
    public static func resolve(
        given: RateProfile?, givenBy: String? = nil, learned: LearnedRate?, guess: RateProfile
    ) -> RateChoice {
        if let given { return RateChoice(profile: given, origin: .given(by: givenBy)) }
        if let learned {
            return RateChoice(profile: .perMinute(learned.requestsPerMinute), origin: .learned(learned.learnedAt))
        }
        return RateChoice(profile: guess, origin: .guessed)
    }

    /// The choice a run ended with: this one when no 429 taught the limiter a limit, else the limit in force at
    /// the end (`limitPerMinute`): the one the 429s' message stated (`statedPerMinute`), or one learned from them
    /// (by counting, or by lowering the stated one when 429s went on).
    public func settled(limitPerMinute: Int?, statedPerMinute: Int?, learned: Bool) -> RateChoice {
        guard learned, let limitPerMinute else { return self }
        let start = started
        return RateChoice(
            profile: .perMinute(limitPerMinute),
            origin: statedPerMinute == limitPerMinute ? .stated(before: start) : .adapted(before: start))
    }

    /// The choice the run began with.
    public var started: RateChoice {
        switch origin {
        case .given, .learned, .guessed: return self
        case .stated(let before), .adapted(let before): return before
        }
    }

    public var description: String {
        switch origin {
        case .given(let by): return "\(profile)" + (by.map { " (given by \($0))" } ?? "")
        case .guessed: return "\(profile) (guessed from the URL; --rate sets it)"
        case .learned(let date):
            return "\(profile) (learned from this instance's 429s on \(Self.day(date)); --rate overrides it)"
        case .stated(let before):
            return "\(profile) (stated by this run's 429 answers; began at \(before.brief))"
        case .adapted(let before):
            return "\(profile) (learned from this run's 429s; began at \(before.brief))"
        }
    }

    /// The profile and its origin in a few words, for the choice a run began with.
    var brief: String {
        switch origin {
        case .given(let by): return "\(profile), given" + (by.map { " by \($0)" } ?? "")
        case .guessed: return "\(profile), guessed from the URL"
        case .learned(let date): return "\(profile), learned on \(Self.day(date))"
        case .stated, .adapted: return started.brief
        }
    }

    private static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
    }
}
