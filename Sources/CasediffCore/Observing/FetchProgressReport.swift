import Foundation

/// Where a fetch stands: one entry per side and the limiter's current rate.
public struct FetchProgressReport: Sendable, Hashable {
    public var sides: [Side: SideProgress]
    /// The limiter's rate now (requests per minute); nil when unlimited.
    public var limitPerMinute: Double?
    /// The instance these sides are fetched from (a run on two instances sends a report for each).
    public var instance: String

    public init(sides: [Side: SideProgress] = [:], limitPerMinute: Double? = nil, instance: String = "") {
        self.sides = sides
        self.limitPerMinute = limitPerMinute
        self.instance = instance
    }

    /// Every instance's latest report as one: all sides, each named with its instance's host when there are
    /// several, and their limits added up (no limit when one instance has none).
    static func merged(_ reports: [FetchProgressReport]) -> FetchProgressReport {
        guard reports.count > 1 else { return reports.first ?? FetchProgressReport() }
        var merged = FetchProgressReport()
        for report in reports {
            let host =
                URL(string: report.instance).map { url in
                    (url.host ?? report.instance) + (url.port.map { ":\($0)" } ?? "")
                } ?? report.instance
            for (side, progress) in report.sides {
                var named = progress
                named.project += " @ \(host)"
                merged.sides[side] = named
            }
        }
        let limits = reports.map(\.limitPerMinute)
        merged.limitPerMinute = limits.contains(nil) ? nil : limits.compactMap { $0 }.reduce(0, +)
        return merged
    }
}
