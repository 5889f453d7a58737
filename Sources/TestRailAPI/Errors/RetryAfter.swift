import Foundation

/// Parses a `Retry-After` header, which RFC 9110 allows as delay-seconds or as an HTTP-date.
///
/// | header                          | now                  | result |
/// |---------------------------------|----------------------|--------|
/// | `5`                             | any                  | 5 s    |
/// | `Wed, 21 Oct 2026 07:28:10 GMT` | 07:28:00 that day    | 10 s   |
/// | `Wed, 21 Oct 2026 07:28:00 GMT` | 07:29:00 that day    | 0 s    |
/// | `soon`                          | any                  | nil    |
/// | `1e300`, a date in 9999         | any                  | 1 day (``ceiling``) |
///
/// A server's advice is held to ``ceiling`` so no number can overflow; how long casediff is willing to wait is
/// ``longestWait``: a longer request ends the run at once (``TestRailError/isRetryable``), it is not slept out.
public enum RetryAfter {
    /// No parsed delay is longer than this (a day), whatever the header says.
    public static let ceiling: Duration = .seconds(86_400)
    /// The longest `Retry-After` casediff waits out (5 minutes); beyond it, the answer is final.
    public static let longestWait: Duration = .seconds(300)

    public static func parse(_ header: String?, now: Date) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return clamped(seconds)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return clamped(date.timeIntervalSince(now))
            }
        }
        return nil
    }

    /// `seconds` as a duration between zero and ``ceiling``, to the millisecond.
    static func clamped(_ seconds: Double) -> Duration {
        let limit = Double(ceiling.components.seconds)
        return .milliseconds(Int64((min(max(0, seconds), limit) * 1000).rounded()))
    }

    /// IMF-fixdate, then the obsolete RFC 850 and asctime forms RFC 9110 still asks recipients to accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
