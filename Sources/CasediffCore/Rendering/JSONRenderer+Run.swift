extension JSONRenderer {
    /// The `run` block: how the data was fetched; volatile (timings), so `--reproducible` leaves it out. Times and
    /// rates are rounded to three decimals; `final_rate_per_minute` is left out when the rate was unlimited.
    static func writeRun(_ metrics: FetchMetrics, rateProfile: String, into writer: inout JSONWriter) throws {
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        writer.beginObject()
        writer.key("cases")
        writer.int(metrics.cases)
        writer.key("duplicates")
        writer.int(metrics.duplicates)
        writer.key("effective_rate_per_minute")
        try writer.double(rounded(metrics.effectiveRatePerMinute))
        if let finalRate = metrics.finalRatePerMinute {
            writer.key("final_rate_per_minute")
            try writer.double(rounded(finalRate))
        }
        writer.key("latency_p50_ms")
        try writer.double(rounded(metrics.latencyP50.inSeconds * 1000))
        writer.key("latency_p95_ms")
        try writer.double(rounded(metrics.latencyP95.inSeconds * 1000))
        writer.key("pages")
        writer.int(metrics.pages)
        writer.key("pages_from_store")
        writer.int(metrics.cache.memoryHits + metrics.cache.storeHits)
        writer.key("peak_concurrency")
        writer.int(metrics.peakConcurrency)
        writer.key("rate_limited")
        writer.int(metrics.rateLimited)
        writer.key("rate_profile")
        writer.string(rateProfile)
        writer.key("requests")
        writer.int(metrics.requests)
        writer.key("retries")
        writer.int(metrics.retries)
        writer.key("speculative")
        writer.int(metrics.speculative)
        writer.key("suites")
        writer.int(metrics.suites)
        writer.key("suites_refreshed")
        writer.int(metrics.incrementalSuites)
        writer.key("wall_time_seconds")
        try writer.double(rounded(metrics.wallTime.inSeconds))
        writer.key("wasted_pages")
        writer.int(metrics.wastedPages)
        writer.endObject()
    }
}
