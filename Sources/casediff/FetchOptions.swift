import ArgumentParser
import CasediffCore

/// How hard casediff may drive the instance.
struct FetchOptions: ParsableArguments {
    @Option(help: "Requests in flight at most (1-64).")
    var concurrency: Int = 8

    @Option(
        help: ArgumentHelp(
            "The instance's rate limit: cloud (180/min), enterprise (300/min), server (none) or requests per minute.",
            discussion: "By default casediff guesses from the URL (TestRail Cloud domains: cloud; others: server).",
            valueName: "profile"))
    var rate: RateProfile?

    @Option(help: "Retries per request after a 409, 5xx, timeout or dropped connection (429s wait at the limiter).")
    var retries: Int = 5

    func validate() throws {
        guard (0...20).contains(retries) else {
            throw ValidationError("--retries must be between 0 and 20")
        }
        guard (1...64).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 64")
        }
    }

    var controller: FetchController.Configuration {
        FetchController.Configuration(concurrency: concurrency, retry: RetryPolicy(maxAttempts: retries + 1))
    }
}

extension RateProfile: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
