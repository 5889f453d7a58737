extension TestRailError {
    /// The requests per minute a 429's message states (``RateLimitMessage``); nil for any other error, or a 429
    /// that states none.
    public var statedRateLimit: Int? {
        guard case .rateLimited(let message, _) = self else { return nil }
        return RateLimitMessage.limitPerMinute(in: message)
    }
}
