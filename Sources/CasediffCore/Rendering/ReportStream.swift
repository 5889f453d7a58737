import Foundation
import Synchronization

/// A comparison's outputs written suite by suite: as soon as a suite pair is compared, its part of every output is
/// rendered and set aside on disk (``FragmentSpool``) and its records let go; at the end each document is written
/// with its parts in the report's order (``write(_:report:context:to:)``), in the bytes the whole report would give.
///
/// Memory then holds one suite's records at a time, never the report's.
public final class ReportStream: Sendable {
    private struct State: ~Copyable {
        var spools: [FragmentSpool]
        /// Each suite's part in every output, by ``SuiteComparison/identity``.
        var parts: [String: [Range<Int>]] = [:]
    }

    /// One renderer per output, in the order the outputs are written.
    public let renderers: [any SuitePartRenderer]
    private let state: Mutex<State>

    public init(renderers: [any SuitePartRenderer]) throws {
        self.renderers = renderers
        let spools = try renderers.map { _ in try FragmentSpool() }
        state = Mutex(State(spools: spools))
    }

    /// Renders a compared suite's parts and sets them aside; `report` gives what is known before any suite (the
    /// sides).
    public func add(_ suite: SuiteComparison, of report: ComparisonReport) throws {
        let parts = try renderers.map { try $0.part(suite, of: report) }
        try state.withLock { state in
            var ranges: [Range<Int>] = []
            for (index, part) in parts.enumerated() { ranges.append(try state.spools[index].append(part)) }
            state.parts[suite.identity] = ranges
        }
    }

    /// Forgets every part (the comparison starts again).
    public func reset() throws {
        let count = renderers.count
        try state.withLock { $0 = State(spools: try (0..<count).map { _ in try FragmentSpool() }) }
    }

    /// Writes output `index`'s document for `report` (suites without records) in pieces to `output`: the opening,
    /// each suite's part whole, the close (so a scrubber sees no secret cut in two).
    /// - Throws: ``CasediffError/incomplete(_:)`` for a suite whose part was never added.
    public func write(
        _ index: Int, report: ComparisonReport, context: RenderContext, to output: (Data) throws -> Void
    ) throws {
        try renderers[index].write(
            report, context: context,
            parts: { suite in
                try state.withLock { state in
                    guard let ranges = state.parts[report.suites[suite].identity] else {
                        throw CasediffError.incomplete([])
                    }
                    return try state.spools[index].read(ranges[index])
                }
            }, to: output)
    }
}

extension SuiteComparison {
    /// Names the suite pair within one report.
    var identity: String { "\(name)\u{0}\(leftSuiteID ?? -1)\u{0}\(rightSuiteID ?? -1)" }
}
