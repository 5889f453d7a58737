import Logging

extension FetchMetrics {
    /// The run's figures as log metadata, for the summary line logged at the end (`run finished`).
    public var logMetadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "requests": .stringConvertible(requests), "pages": .stringConvertible(pages),
            "cases": .stringConvertible(cases), "suites": .stringConvertible(suites),
            "rate_limited": .stringConvertible(rateLimited), "retries": .stringConvertible(retries),
            "speculative": .stringConvertible(speculative), "wasted_pages": .stringConvertible(wastedPages),
            "bytes": .stringConvertible(bytes),
            "latency_p50_ms": .stringConvertible(Int((latencyP50.inSeconds * 1000).rounded())),
            "latency_p95_ms": .stringConvertible(Int((latencyP95.inSeconds * 1000).rounded())),
            "peak_concurrency": .stringConvertible(peakConcurrency),
            "circuit_openings": .stringConvertible(circuitOpenings),
            "wall_time_s": .stringConvertible((wallTime.inSeconds * 1000).rounded() / 1000),
            "pages_from_memory": .stringConvertible(cache.memoryHits),
            "pages_from_store": .stringConvertible(cache.storeHits),
        ]
        if let rate = finalRatePerMinute { metadata["final_rate_per_min"] = .stringConvertible(rate) }
        if incrementalSuites + incrementalFallbacks > 0 {
            metadata["suites_refreshed"] = .stringConvertible(incrementalSuites)
            metadata["refresh_fallbacks"] = .stringConvertible(incrementalFallbacks)
        }
        if let storeWarning { metadata["store_warning"] = "\(storeWarning)" }
        return metadata
    }
}
