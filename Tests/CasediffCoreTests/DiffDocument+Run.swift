@testable import CasediffCore

extension DiffDocument {
    /// How the data was fetched; volatile (timings), so `--reproducible` leaves it out.
    struct Run: Encodable {
        var rateProfile: String
        var requests: Int
        var pages: Int
        var cases: Int
        var suites: Int
        var rateLimited: Int
        var retries: Int
        var speculative: Int
        var wastedPages: Int
        var duplicates: Int
        var latencyP50Milliseconds: Double
        var latencyP95Milliseconds: Double
        var peakConcurrency: Int
        var effectiveRatePerMinute: Double
        var finalRatePerMinute: Double?
        var wallTimeSeconds: Double
        var pagesFromStore: Int
        var suitesRefreshed: Int

        init(_ metrics: FetchMetrics, rateProfile: String) {
            func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
            self.rateProfile = rateProfile
            requests = metrics.requests
            pages = metrics.pages
            cases = metrics.cases
            suites = metrics.suites
            rateLimited = metrics.rateLimited
            retries = metrics.retries
            speculative = metrics.speculative
            wastedPages = metrics.wastedPages
            duplicates = metrics.duplicates
            latencyP50Milliseconds = rounded(metrics.latencyP50.inSeconds * 1000)
            latencyP95Milliseconds = rounded(metrics.latencyP95.inSeconds * 1000)
            peakConcurrency = metrics.peakConcurrency
            effectiveRatePerMinute = rounded(metrics.effectiveRatePerMinute)
            finalRatePerMinute = metrics.finalRatePerMinute.map(rounded)
            wallTimeSeconds = rounded(metrics.wallTime.inSeconds)
            pagesFromStore = metrics.cache.memoryHits + metrics.cache.storeHits
            suitesRefreshed = metrics.incrementalSuites
        }

        enum CodingKeys: String, CodingKey {
            case requests, pages, cases, suites, retries, speculative, duplicates
            case rateProfile = "rate_profile"
            case rateLimited = "rate_limited"
            case wastedPages = "wasted_pages"
            case latencyP50Milliseconds = "latency_p50_ms"
            case latencyP95Milliseconds = "latency_p95_ms"
            case peakConcurrency = "peak_concurrency"
            case effectiveRatePerMinute = "effective_rate_per_minute"
            case finalRatePerMinute = "final_rate_per_minute"
            case wallTimeSeconds = "wall_time_seconds"
            case pagesFromStore = "pages_from_store"
            case suitesRefreshed = "suites_refreshed"
        }
    }
}
