import Foundation

extension FetchMetrics {
    /// The one-line summary printed on stderr.
    ///
    /// | run                         | summary starts                                                     |
    /// |-----------------------------|--------------------------------------------------------------------|
    /// | no store                    | `591 cases in 10 suites; 30 requests (26 pages, 0 retries, 0 × 429)` |
    /// | warm store, `--max-age 1h`  | `591 cases in 10 suites; 28 pages from the store; 0 requests`      |
    public var summary: String {
        var parts = ["\(cases) cases in \(suites) suites"]
        let stored = cache.memoryHits + cache.storeHits
        if stored > 0 {
            parts.append("\(stored) \(stored == 1 ? "page" : "pages") from the store")
        }
        if incrementalSuites + incrementalFallbacks > 0 {
            var text = "\(incrementalSuites) suites refreshed with updated_after (\(incrementalRequests) requests)"
            if incrementalFallbacks > 0 { text += ", \(incrementalFallbacks) fetched in full after a failed proof" }
            parts.append(text)
        }
        guard requests > 0 else {
            parts.append("0 requests")
            parts.append(String(format: "%.2f s", wallTime.inSeconds))
            return parts.joined(separator: "; ")
        }
        parts += [
            "\(requests) requests (\(pages) pages, \(retries) retries, \(rateLimited) × 429)",
            String(format: "latency p50 %.0f ms p95 %.0f ms", latencyP50.inSeconds * 1000, latencyP95.inSeconds * 1000),
            "peak concurrency \(peakConcurrency)",
            String(format: "%.0f req/min", effectiveRatePerMinute),
            String(format: "%.2f s", wallTime.inSeconds),
        ]
        if speculative > 0 || wastedPages > 0 {
            parts.insert("\(speculative) speculative, \(wastedPages) wasted", at: parts.count - 4)
        }
        return parts.joined(separator: "; ")
    }
}
