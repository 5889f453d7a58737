extension FetchMetrics {
    /// Several instances' fetches as one run: counts add up; latency percentiles and the wall time are the
    /// slowest instance's (they ran at the same time); the final rate is the sum when every instance has a limit.
    static func combined(_ all: [FetchMetrics]) -> FetchMetrics {
        guard all.count > 1 else { return all.first ?? FetchMetrics() }
        var total = FetchMetrics()
        for metrics in all {
            total.requests += metrics.requests
            total.pages += metrics.pages
            total.cases += metrics.cases
            total.suites += metrics.suites
            total.rateLimited += metrics.rateLimited
            total.retries += metrics.retries
            total.speculative += metrics.speculative
            total.wastedPages += metrics.wastedPages
            total.duplicates += metrics.duplicates
            total.bytes += metrics.bytes
            total.latencyP50 = max(total.latencyP50, metrics.latencyP50)
            total.latencyP95 = max(total.latencyP95, metrics.latencyP95)
            total.peakConcurrency += metrics.peakConcurrency
            total.circuitOpenings += metrics.circuitOpenings
            total.wallTime = max(total.wallTime, metrics.wallTime)
            total.cache.memoryHits += metrics.cache.memoryHits
            total.cache.storeHits += metrics.cache.storeHits
            total.cache.misses += metrics.cache.misses
            total.cache.saved += metrics.cache.saved
            total.incrementalSuites += metrics.incrementalSuites
            total.incrementalFallbacks += metrics.incrementalFallbacks
            total.incrementalRequests += metrics.incrementalRequests
            total.storeWarning = total.storeWarning ?? metrics.storeWarning
            total.warnings += metrics.warnings
        }
        let rates = all.map(\.finalRatePerMinute)
        total.finalRatePerMinute = rates.contains(nil) ? nil : rates.compactMap { $0 }.reduce(0, +)
        return total
    }
}
