import Foundation

/// A renderer whose document is an opening, one part per suite in the report's order, and a close, so a long report
/// is written suite by suite (``ReportStream``) in exactly the bytes of the whole document (``document(_:context:)``).
///
/// A part depends only on its suite and on what is known before any suite is compared (the two sides); everything
/// that needs every suite (totals, the verdict, duplicates, notes) is in the opening or the close.
public protocol SuitePartRenderer: Sendable {
    /// One suite's part of the document, records and all; empty for a suite the format leaves out.
    func part(_ suite: SuiteComparison, of report: ComparisonReport) throws -> Data

    /// Writes the document in pieces to `output`: the report's summaries (its suites' records may be gone) around the
    /// parts, each read through `parts` by the suite's index in the report.
    func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void) throws
}

extension SuitePartRenderer {
    /// The whole document, from a report that still holds its records.
    public func document(_ report: ComparisonReport, context: RenderContext = .init()) throws -> Data {
        var out = Data()
        try write(report, context: context, parts: { try part(report.suites[$0], of: report) }) { out.append($0) }
        return out
    }
}
