import CasediffCore
import TestRailSimulator

/// One benchmark run: the simulated instance, how casediff is configured, and its target.
struct Scenario: Sendable {
    /// Where casediff runs: its fetch engine in the bench's process, or the whole `casediff compare` process.
    enum Client: Sendable {
        case inProcess
        case process
    }

    var name: String
    var summary: String
    /// The simulator's true limit (requests per minute); nil for none.
    var serverLimit: Int?
    /// What casediff is told (`--rate`).
    var profile: RateProfile
    var latency: Duration
    var jitter: Duration
    var concurrency: Int
    var hinted: Bool
    /// Wall time may be at most this many times the floor; nil for the baseline (no target).
    var target: Double?
    /// Requests may be at most this many times the minimum.
    var requestTarget: Double?
    /// 429s may be at most this share of requests.
    var rejectionTarget: Double?
    /// The data, when not the bench's own (`--cases`, `--suites`).
    var spec: GeneratorSpec?
    var client: Client = .inProcess
    /// Peak RSS must stay under this many MB.
    var memoryTarget: Double?

    /// The floor: max(requests ÷ allowed rate, requests × latency ÷ concurrency, critical path), for the
    /// minimum number of requests and the rate the server really allows.
    func floor(minimumRequests: Int, criticalPath: Int) -> Duration {
        let requests = Double(minimumRequests)
        var seconds = requests * latency.inSeconds / Double(concurrency)
        if let limit = serverLimit {
            seconds = max(seconds, requests / (Double(limit) / 60))
        }
        seconds = max(seconds, Double(criticalPath) * latency.inSeconds)
        return .nanoseconds(Int64(seconds * 1e9))
    }
}
