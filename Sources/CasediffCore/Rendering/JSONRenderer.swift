import Foundation

/// Renders a report as the JSON diff export: sorted keys and fixed ordering, so the same inputs give the same bytes.
public struct JSONRenderer: Sendable {
    public init() {}

    /// - Parameter metrics: the fetch's metrics for the `run` block; nil leaves it out (byte-identical output).
    public func render(
        _ report: ComparisonReport, metrics: FetchMetrics? = nil, rateProfile: RateProfile = .server
    ) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let run = metrics.map { DiffDocument.Run($0, rateProfile: rateProfile) }
        var data = try encoder.encode(DiffDocument(report, run: run))
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
