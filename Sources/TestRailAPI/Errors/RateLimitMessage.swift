/// Reads the limit a 429's message states, so casediff can adopt the server's own number instead of guessing it
/// from how many requests got through.
///
/// TestRail says it in words, in more than one form over its versions; any positive integer directly followed by
/// "per minute" (optionally "hit"/"hits"/"requests"/"calls" between), "per-minute" or "/min" counts, in any case:
///
/// | message                                                                           | limit |
/// |-----------------------------------------------------------------------------------|-------|
/// | `API Rate Limit Exceeded - 500 per minute maximum allowed. Retry after 1 seconds.` | 500   |
/// | `19 hit per-minute maximum allowed`                                                | 19    |
/// | `Too many requests: 180/min`                                                       | 180   |
/// | `2,500 per minute maximum allowed` (or `2.500`)                                    | 2500  |
/// | `1.5 per minute`                                                                   | nil   |
/// | `0 per minute maximum allowed`                                                     | nil (absurd) |
/// | `API Rate Limit Exceeded. Retry after 5 seconds.`                                  | nil   |
///
/// Values outside ``plausible`` are ignored: no instance allows 0 requests, and a number that large is not a limit.
public enum RateLimitMessage {
    /// Limits (requests per minute) believed; anything else in a message is taken for noise.
    public static let plausible = 1...100_000

    /// The requests per minute `message` states, or nil when it states none (or an absurd one).
    public static func limitPerMinute(in message: String) -> Int? {
        // A number written with thousands separators (`2,500`, `1.200`) is one number; a number that continues one
        // before it (`1.5`, the `500` of `2,500` read alone) is none.
        let pattern =
            /(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,9})\s*(?:(?:hits?|requests?|calls?)\s*)?(?:per[\s-]*minute|\/\s*min(?:ute)?\b)/
            .ignoresCase()
        for match in message.matches(of: pattern) {
            if match.range.lowerBound > message.startIndex {
                let before = message[message.index(before: match.range.lowerBound)]
                if before.isNumber || before == "." || before == "," { continue }
            }
            let digits = match.output.1.filter(\.isNumber)
            if let value = Int(digits), plausible.contains(value) { return value }
        }
        return nil
    }
}
