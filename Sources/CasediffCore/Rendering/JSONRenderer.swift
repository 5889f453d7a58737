import Foundation

/// Renders a report as the JSON diff export: sorted keys and fixed ordering, so the same inputs give the same bytes.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render(_ report: ComparisonReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(DiffDocument(report))
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
