import Foundation

/// Parses the short durations flags take (`--max-age 10m`).
///
/// | text   | duration    |
/// |--------|-------------|
/// | `0`    | zero        |
/// | `45s`  | 45 seconds  |
/// | `10m`  | 600 seconds |
/// | `2h`   | 7200 seconds|
/// | `1d`   | 86400 s     |
/// | `90`   | 90 seconds  |
public enum DurationText {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let multiplier = units[last]
        let digits = multiplier == nil ? Substring(trimmed) : trimmed.dropLast()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0,
            value <= 3_650 * 86_400
        else { return nil }
        return .seconds(value * (multiplier ?? 1))
    }
}

extension DurationText {
    /// A short human duration for progress lines, rounded to whole seconds.
    ///
    /// | duration  | text     |
    /// |-----------|----------|
    /// | 0.4 s     | `0s`     |
    /// | 42 s      | `42s`    |
    /// | 72 s      | `1m12s`  |
    /// | 3 780 s   | `1h03m`  |
    public static func format(_ duration: Duration) -> String {
        let seconds = max(0, Int(duration.inSeconds.rounded()))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h\(String(format: "%02d", seconds % 3600 / 60))m"
    }
}
