import Foundation

/// The rate profile a run uses and where it came from, for the statistics line.
///
/// | `--rate` | learned in the store | used                     |
/// |----------|----------------------|--------------------------|
/// | given    | any                  | the given profile        |
/// | none     | 119/min              | 119/min, learned         |
/// | none     | none                 | guessed from the URL     |
public struct RateChoice: Sendable, Hashable, CustomStringConvertible {
    public enum Origin: Sendable, Hashable {
        case given
        case learned(Date)
        case guessed
    }

    public var profile: RateProfile
    public var origin: Origin

    public init(profile: RateProfile, origin: Origin) {
        self.profile = profile
        self.origin = origin
    }

    /// The choice for an explicit profile, a learned rate and the URL's guess, in that order of precedence.
    public static func resolve(given: RateProfile?, learned: LearnedRate?, guess: RateProfile) -> RateChoice {
        if let given { return RateChoice(profile: given, origin: .given) }
        if let learned {
            return RateChoice(profile: .perMinute(learned.requestsPerMinute), origin: .learned(learned.learnedAt))
        }
        return RateChoice(profile: guess, origin: .guessed)
    }

    public var description: String {
        switch origin {
        case .given: return "\(profile)"
        case .guessed: return "\(profile) (guessed from the URL; --rate sets it)"
        case .learned(let date):
            let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
            return "\(profile) (learned from this instance's 429s on \(day); --rate overrides it)"
        }
    }
}
