import Foundation

/// Parses a `Retry-After` header, which RFC 9110 allows as delay-seconds or as an HTTP-date.
///
/// | header                          | now                  | result |
/// |---------------------------------|----------------------|--------|
/// | `5`                             | any                  | 5 s    |
/// | `Wed, 21 Oct 2026 07:28:10 GMT` | 07:28:00 that day    | 10 s   |
/// | `Wed, 21 Oct 2026 07:28:00 GMT` | 07:29:00 that day    | 0 s    |
/// | `soon`                          | any                  | nil    |
public enum RetryAfter {
    public static func parse(_ header: String?, now: Date) -> Duration? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) {
            return .seconds(max(0, seconds))
        }
        if let seconds = Double(text), seconds.isFinite {
            return .milliseconds(Int64(max(0, seconds) * 1000))
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                let delta = date.timeIntervalSince(now)
                return .milliseconds(Int64(max(0, delta) * 1000))
            }
        }
        return nil
    }

    /// IMF-fixdate, then the obsolete RFC 850 and asctime forms RFC 9110 still asks recipients to accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
