import Foundation

/// Renders a report as the JSON diff export: sorted keys and fixed ordering, so the same inputs give the same bytes.
public struct JSONRenderer: Sendable {
    public init() {}

    /// - Parameter context: the version, time and metrics; leave `generatedAt` and `metrics` nil for output that
    ///   depends on the two projects' data alone.
    public func render(_ report: ComparisonReport, context: RenderContext = .init()) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(DiffDocument(report, context: context))
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
