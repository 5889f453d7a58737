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
