import ArgumentParser
import CasediffCore

/// How hard casediff may drive the instance.
struct FetchOptions: ParsableArguments {
    @Option(help: "Requests in flight at most (1-64; default: the profile's, else 8).")
    var concurrency: Int?

    @Option(
        help: ArgumentHelp(
            "The instance's rate limit: cloud (180/min), enterprise (300/min), server (none) or requests per minute.",
            discussion:
                "By default the profile's; else a limit learned from this instance's 429s; else guessed from the URL "
                + "(TestRail Cloud domains: cloud; others: server).",
            valueName: "profile"))
    var rate: RateProfile?

    @Option(help: "Retries per request after a 409, 5xx, timeout or dropped connection (429s wait at the limiter).")
    var retries: Int = 5

    func validate() throws {
        guard (0...20).contains(retries) else {
            throw ValidationError("--retries must be between 0 and 20")
        }
        if let concurrency, !(1...64).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 64")
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
}
