import CasediffCore

extension Scenario {
    /// The `testrail-sim` flags for this scenario's server: its true limit, latency and jitter.
    var simulatorArguments: [String] {
        func milliseconds(_ duration: Duration) -> String { "\(Int((duration.inSeconds * 1000).rounded()))" }
        var arguments = ["--latency-ms", milliseconds(latency), "--jitter-ms", milliseconds(jitter)]
        if let serverLimit { arguments += ["--rate-limit", "\(serverLimit)"] }
        return arguments
    }

    /// The `casediff compare` flags for how casediff is configured: `--concurrency` and `--rate`.
    var casediffArguments: [String] {
        let rate: String
        switch profile {
        case .cloud: rate = "cloud"
        case .enterprise: rate = "enterprise"
        case .server: rate = "server"
        case .perMinute(let value): rate = "\(value)"
        }
        return ["--concurrency", "\(concurrency)", "--rate", rate]
    }
}
