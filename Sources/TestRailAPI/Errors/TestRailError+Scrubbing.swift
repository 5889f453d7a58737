extension TestRailError {
    /// The error with every text it carries passed through `scrubber`: messages, excerpts and links come from the
    /// server, which may echo the request's `Authorization` header or the key.
    public func scrubbed(by scrubber: SecretScrubber) -> TestRailError {
        guard !scrubber.isEmpty else { return self }
        let clean: (String) -> String = scrubber.scrub
        switch self {
        case .invalidBaseURL(let url, let reason): return .invalidBaseURL(clean(url), reason: clean(reason))
        case .badRequest(let message): return .badRequest(clean(message))
        case .unauthorized(let message): return .unauthorized(clean(message))
        case .forbidden(let message): return .forbidden(clean(message))
        case .notFound(let message): return .notFound(clean(message))
        case .maintenance(let message, let delay): return .maintenance(clean(message), retryAfter: delay)
        case .rateLimited(let message, let delay): return .rateLimited(clean(message), retryAfter: delay)
        case .serverError(let status, let message): return .serverError(status: status, message: clean(message))
        case .unexpectedStatus(let status, let message): return .unexpectedStatus(status, clean(message))
        case .unreachable(let detail, let url): return .unreachable(clean(detail), url: url.map(clean))
        case .connectionFailed(let detail): return .connectionFailed(clean(detail))
        case .tlsFailure(let detail): return .tlsFailure(clean(detail))
        case .malformedResponse(let detail): return .malformedResponse(clean(detail))
        case .truncatedResponse(let detail): return .truncatedResponse(clean(detail))
        case .redirected(let location): return .redirected(to: clean(location))
        case .responseTooLarge(let call, let limit): return .responseTooLarge(call: clean(call), limit: limit)
        case .refusedMethod(let call): return .refusedMethod(clean(call))
        case .timedOut, .cancelled, .htmlPage: return self
        }
    }
}
