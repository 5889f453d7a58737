import Foundation

extension FetchMetrics {
    /// The one-line summary printed on stderr.
    public var summary: String {
        var parts = [
            "\(cases) cases in \(suites) suites",
            "\(requests) requests (\(pages) pages, \(retries) retries, \(rateLimited) × 429)",
            String(format: "latency p50 %.0f ms p95 %.0f ms", latencyP50.inSeconds * 1000, latencyP95.inSeconds * 1000),
            "peak concurrency \(peakConcurrency)",
            String(format: "%.0f req/min", effectiveRatePerMinute),
            String(format: "%.2f s", wallTime.inSeconds),
        ]
        if speculative > 0 || wastedPages > 0 {
            parts.insert("\(speculative) speculative, \(wastedPages) wasted", at: 2)
        }
        return parts.joined(separator: "; ")
    }
}
