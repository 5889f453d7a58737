import ArgumentParser
import CasediffCore

/// How hard casediff may drive the instance.
struct FetchOptions: ParsableArguments {
    // Numeric options parse unconditionally: `--retries -1` is a wrong value, not a missing one.
    @Option(parsing: .unconditional, help: "Requests in flight at most (1-64; default: the profile's, else 8).")
    var concurrency: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The instance's rate limit: cloud (180/min), enterprise (300/min), server (none) or requests per minute.",
            discussion:
                "By default the profile's; else a limit learned from this instance's 429s; else guessed from the URL "
                + "(TestRail Cloud domains: cloud; others: server).",
            valueName: "profile"),
        completion: RateProfile.defaultCompletionKind, transform: RateProfile.parseArgument)
    var rate: RateProfile?

    @Option(
        parsing: .unconditional,
        help: "Retries per request after a 409, 5xx, timeout or dropped connection (429s wait at the limiter).")
    var retries: Int = 5

    func validate() throws {
        guard (0...20).contains(retries) else {
            throw ValidationError("--retries must be a whole number from 0 to 20 (got \(retries))")
        }
        if let concurrency, !(1...64).contains(concurrency) {
            throw ValidationError("--concurrency must be a whole number from 1 to 64 (got \(concurrency))")
        }
    }

    /// The controller's configuration with the resolved concurrency.
    func controller(_ settings: SettingsResolver.Resolved) -> FetchController.Configuration {
        FetchController.Configuration(
            concurrency: settings.concurrency.value, retry: RetryPolicy(maxAttempts: retries + 1))
    }

    /// The controller's configuration when no side is on the flags' instance (profiles set each concurrency).
    func controller() -> FetchController.Configuration {
        FetchController.Configuration(
            concurrency: concurrency ?? SettingsResolver.defaultConcurrency,
            retry: RetryPolicy(maxAttempts: retries + 1))
    }
}

extension RateProfile: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    /// The named profiles; a number of requests per minute is typed.
    public static var defaultCompletionKind: CompletionKind { .list(["cloud", "enterprise", "server"]) }

    /// `--rate`'s value, or an error that says what a rate is (`--rate -5` is a wrong value, not a missing one).
    static func parseArgument(_ text: String) throws -> RateProfile {
        guard let rate = RateProfile(text) else {
            throw ValidationError(
                "a rate is cloud, enterprise, server or a positive whole number of requests per minute")
        }
        return rate
    }
}
