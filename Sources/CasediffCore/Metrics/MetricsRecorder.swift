/// Counts requests as the controller's tasks send them: concurrency, latency, statuses.
actor MetricsRecorder {
    private var metrics = FetchMetrics()
    private var inFlight = 0
    private var latencies: [Duration] = []

    func started() {
        metrics.requests += 1
        inFlight += 1
        metrics.peakConcurrency = max(metrics.peakConcurrency, inFlight)
    }

    /// One request answered (or failed) after `latency`.
    func finished(latency: Duration, bytes: Int, rateLimited: Bool) {
        inFlight -= 1
        latencies.append(latency)
        metrics.bytes += bytes
        if rateLimited { metrics.rateLimited += 1 }
    }

    /// Problems repaired in received pages, each reported once.
    func warn(_ lines: [String]) {
        for line in lines where !metrics.warnings.contains(line) {
            metrics.warnings.append(line)
        }
    }

    func retried() {
        metrics.retries += 1
    }

    func received(isPage: Bool) {
        if isPage { metrics.pages += 1 }
    }

    /// The counters so far, with latency percentiles.
    func snapshot() -> FetchMetrics {
        var result = metrics
        let sorted = latencies.sorted()
        result.latencyP50 = Self.percentile(sorted, 0.50)
        result.latencyP95 = Self.percentile(sorted, 0.95)
        return result
    }

    /// Nearest-rank percentile: for 20 samples, p95 is the 19th.
    static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
