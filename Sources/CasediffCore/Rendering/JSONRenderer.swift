import Foundation
import TestRailAPI

/// Renders a report as the JSON diff export, schema version 3 (`docs/diff-schema.json`): sorted keys and fixed
/// ordering, so the same inputs give the same bytes.
///
/// The document is streamed through a ``JSONWriter`` rather than built as `Encodable` values for `JSONEncoder`
/// (100 000 records took the encoder about 2 s); the bytes are the encoder's, byte for byte, with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and a final line break. Members are written in sorted key
/// order; every list is present (`[]` when empty); absent sides are `null`. The export is kept apart from the
/// in-memory report so the report can evolve without breaking consumers.
public struct JSONRenderer: Sendable {
    static let schemaVersion = 3

    public init() {}

    /// - Parameter context: the version, time and metrics; leave `generatedAt` and `metrics` nil for output that
    ///   depends on the two projects' data alone.
    public func render(_ report: ComparisonReport, context: RenderContext = .init()) throws -> Data {
        var writer = JSONWriter(style: .pretty, capacity: Self.estimatedSize(report))
        try Self.write(report, context: context, into: &writer) { writer in
            for suite in report.suites { try Self.write(suite, into: &writer) }
        }
        writer.lineBreak()
        return writer.data()
    }

    /// Enough bytes for most reports' text, so the buffer seldom grows: a record with its sides and indentation
    /// takes about 560 bytes (the golden storefront diff: 169 kB for 300 records). Pages never written to cost no
    /// memory.
    static func estimatedSize(_ report: ComparisonReport) -> Int {
        report.suites.reduce(8192) { $0 + estimatedSize($1) }
    }

    static func estimatedSize(_ suite: SuiteComparison) -> Int {
        suite.records.reduce(1024) { $0 + 640 + $1.changes.count * 384 }
    }

    /// The document around its suites, which `suites` writes (inside the `suites` array).
    static func write(
        _ report: ComparisonReport, context: RenderContext, into writer: inout JSONWriter,
        suites: (inout JSONWriter) throws -> Void
    ) throws {
        writer.beginObject()
        writer.key("drift")
        writer.bool(report.hasDrift)
        writer.key("duplicates")
        writer.beginArray()
        for duplicate in report.duplicates {
            writer.beginObject()
            writer.key("key")
            writer.string(duplicate.key)
            writer.key("left")
            writer.int(duplicate.left)
            writer.key("right")
            writer.int(duplicate.right)
            writer.key("suite")
            writer.string(orNull: duplicate.suite)
            writer.endObject()
        }
        writer.endArray()
        writer.key("keyless")
        writer.beginObject()
        writer.key("left")
        writer.int(report.keylessLeft)
        writer.key("paired_by_title")
        writer.int(report.keylessPairedByTitle)
        writer.key("right")
        writer.int(report.keylessRight)
        writer.endObject()
        writer.key("metadata")
        try writeMetadata(report, context: context, into: &writer)
        // Every compared resource's counts, the cases' included.
        writer.key("resource_totals")
        writer.beginObject()
        var totals: [(ProjectResource, StatusCounts)] = report.resourceTotals.map { ($0.resource, $0.counts) }
        if report.options.compares(.cases) { totals.append((.cases, report.totals)) }
        for (resource, counts) in totals.sorted(by: { $0.0.rawValue < $1.0.rawValue }) {
            writer.key(resource.rawValue)
            write(counts, into: &writer)
        }
        writer.endObject()
        // The project-wide resources compared, in listing order.
        writer.key("resources")
        writer.beginArray()
        for resource in report.resources { try write(resource, into: &writer) }
        writer.endArray()
        writer.key("schema_version")
        writer.int(schemaVersion)
        writer.key("suites")
        writer.beginArray()
        try suites(&writer)
        writer.endArray()
        writer.key("totals")
        write(report.totals, into: &writer)
        writer.endObject()
    }

    static func write(_ counts: StatusCounts, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("added")
        writer.int(counts.added)
        writer.key("changed")
        writer.int(counts.changed)
        writer.key("drift")
        writer.int(counts.drift)
        writer.key("moved")
        writer.int(counts.moved)
        writer.key("removed")
        writer.int(counts.removed)
        writer.key("renamed")
        writer.int(counts.renamed)
        writer.key("unchanged")
        writer.int(counts.unchanged)
        writer.endObject()
    }

    static func write(_ suite: SuiteComparison, into writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("cases")
        writer.beginArray()
        for record in suite.records { try write(record, into: &writer) }
        writer.endArray()
        writer.key("counts")
        write(suite.counts, into: &writer)
        writer.key("left_cases")
        writer.int(suite.leftCases)
        writer.key("left_suite_id")
        writer.int(orNull: suite.leftSuiteID)
        writer.key("name")
        writer.string(suite.name)
        writer.key("right_cases")
        writer.int(suite.rightCases)
        writer.key("right_suite_id")
        writer.int(orNull: suite.rightSuiteID)
        writer.key("sections")
        if let sections = suite.sections {
            try write(sections, into: &writer)
        } else {
            writer.null()
        }
        writer.endObject()
    }

    /// One resource's comparison: how many each side has, the counts and every record.
    static func write(_ resource: ResourceComparison, into writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("counts")
        write(resource.counts, into: &writer)
        writer.key("left")
        writer.int(resource.left)
        writer.key("records")
        writer.beginArray()
        for record in resource.records { try write(record, into: &writer) }
        writer.endArray()
        writer.key("resource")
        writer.string(resource.resource.rawValue)
        writer.key("right")
        writer.int(resource.right)
        writer.endObject()
    }

    static func write(_ record: CaseRecord, into writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("changes")
        writer.beginArray()
        for change in record.changes { try write(change, into: &writer) }
        writer.endArray()
        writer.key("drift")
        writer.bool(record.drift)
        writer.key("duplicate")
        writer.bool(record.duplicate)
        writer.key("key")
        writer.string(record.key)
        // Absent sides are written as null, so every record has the same keys.
        writer.key("left")
        write(record.left, into: &writer)
        writer.key("resource")
        writer.string(record.resource.rawValue)
        writer.key("right")
        write(record.right, into: &writer)
        writer.key("status")
        writer.string(record.status.rawValue)
        writer.endObject()
    }

    static func write(_ side: CaseRecord.Side?, into writer: inout JSONWriter) {
        guard let side else { return writer.null() }
        writer.beginObject()
        writer.key("id")
        writer.int(side.id)
        writer.key("section")
        writer.string(side.sectionPath)
        writer.key("suite")
        writer.string(side.suite)
        writer.key("title")
        writer.string(side.title)
        writer.endObject()
    }

    static func write(_ change: FieldChange, into writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("field")
        writer.string(change.field)
        writer.key("kind")
        writer.string(change.kind.rawValue)
        writer.key("new")
        try writer.value(change.new)
        writer.key("old")
        try writer.value(change.old)
        writer.key("path")
        writer.string(change.path)
        // The shared step set the step belongs to; the key is left out for anything else.
        if let origin = change.origin {
            writer.key("shared_step_set")
            writer.string(origin)
        }
        writer.endObject()
    }
}

extension JSONRenderer: SuitePartRenderer {
    /// The suite as an element of the `suites` array, laid out two levels in.
    public func part(_ suite: SuiteComparison, of report: ComparisonReport) throws -> Data {
        var writer = JSONWriter(style: .pretty, capacity: Self.estimatedSize(suite), depth: 2)
        try Self.write(suite, into: &writer)
        return writer.data()
    }

    public func write(
        _ report: ComparisonReport, context: RenderContext, parts: (Int) throws -> Data,
        to output: (Data) throws -> Void
    ) throws {
        var writer = JSONWriter(style: .pretty, capacity: 1 << 16)
        try Self.write(report, context: context, into: &writer) { writer in
            // Each part goes out as it is, never copied into the writer: the largest suite's part can be tens of MB.
            for index in report.suites.indices {
                writer.beginRawElement()
                try output(writer.drain())
                try output(try parts(index))
            }
        }
        writer.lineBreak()
        try output(writer.drain())
    }
}
