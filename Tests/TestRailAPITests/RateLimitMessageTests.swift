import Testing

@testable import TestRailAPI

/// The limit a 429's message states, in the forms TestRail has used, and what is not one.
@Suite struct RateLimitMessageTests {
    @Test(arguments: [
        ("API Rate Limit Exceeded - 500 per minute maximum allowed. Retry after 1 seconds.", 500),
        ("API Rate Limit Exceeded - 20 per minute maximum allowed. Retry after 7 seconds.", 20),
        ("19 hit per-minute maximum allowed", 19),
        ("Limit: 180 hits per minute", 180),
        ("API RATE LIMIT EXCEEDED - 300 PER MINUTE MAXIMUM ALLOWED", 300),
        ("Too many requests: 180/min", 180),
        ("Too many requests (120 / minute)", 120),
        ("180 requests per minute", 180),
        ("API Rate Limit Exceeded - 2,500 per minute maximum allowed.", 2_500),
        ("API Rate Limit Exceeded - 1.200 per minute maximum allowed.", 1_200),
        ("API Rate Limit Exceeded - 1,000 per minute maximum allowed.", 1_000),
    ])
    func readsTheStatedLimit(message: String, limit: Int) {
        #expect(RateLimitMessage.limitPerMinute(in: message) == limit)
    }

    @Test(arguments: [
        "API Rate Limit Exceeded. Retry after 5 seconds.",
        "0 per minute maximum allowed",
        "99999999 per minute maximum allowed",
        "Retry after 60 seconds; 3 minutes of maintenance",
        "1.5 per minute",
        "2,50 per minute",
        "",
    ])
    func statesNoLimit(message: String) {
        #expect(RateLimitMessage.limitPerMinute(in: message) == nil)
    }

    @Test func onlyA429CarriesOne() {
        let message = "API Rate Limit Exceeded - 20 per minute maximum allowed. Retry after 3 seconds."
        #expect(TestRailError.rateLimited(message, retryAfter: .seconds(3)).statedRateLimit == 20)
        #expect(TestRailError.rateLimited("Slow down.", retryAfter: nil).statedRateLimit == nil)
        #expect(TestRailError.serverError(status: 503, message: message).statedRateLimit == nil)
    }
}
