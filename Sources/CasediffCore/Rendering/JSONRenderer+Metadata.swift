import Foundation

extension JSONRenderer {
    /// How values were normalised before comparing, in words, for the `normalization` block.
    enum Normalization {
        static let whitespace = "trimmed; runs collapsed to one space"
        static let unicode = "NFC"
        static let richText =
            "Text and Steps fields: HTML values (<p>…</p>) compared as their text, Markdown as written (against HTML, as the text it shows); entities decoded"
        static let meaning = "ids compared as what they mean on their own instance: names, labels, emails"
        static let emptyValues = "absent, null, empty and blank are the same value"
    }

    /// The `metadata` block: the tool, the two projects, the options; `generated_at` and `run` only when the context
    /// has them (`--reproducible` leaves them out).
    static func writeMetadata(_ report: ComparisonReport, context: RenderContext, into writer: inout JSONWriter) throws
    {
        let options = report.options
        writer.beginObject()
        writer.key("compared_fields")
        writer.beginArray()
        for field in report.comparedFields { writer.string(field.name) }
        writer.endArray()
        writer.key("complete")
        writer.bool(true)
        // What counts as drift, for each compared resource.
        writer.key("fail_on")
        writer.beginObject()
        for resource in options.resources.sorted(by: { $0.rawValue < $1.rawValue }) {
            writer.key(resource.rawValue)
            writer.beginArray()
            for status in options.drift[resource].sorted() { writer.string(status.rawValue) }
            writer.endArray()
        }
        writer.endObject()
        if let generatedAt = context.generatedAt {
            writer.key("generated_at")
            writer.string(ISO8601DateFormatter().string(from: generatedAt))
        }
        writer.key("left")
        write(report.left, into: &writer)
        writer.key("match")
        try writeMatch(options, into: &writer)
        writer.key("normalization")
        writer.beginObject()
        writer.key("attachments")
        writer.string(options.compareAttachments ? "compared by id" : "every reference the same: [attachment]")
        writer.key("case")
        writer.string(options.ignoreCase ? "ignored" : "significant")
        writer.key("empty_values")
        writer.string(Normalization.emptyValues)
        writer.key("meaning")
        writer.string(Normalization.meaning)
        writer.key("rich_text")
        writer.string(Normalization.richText)
        writer.key("unicode")
        writer.string(Normalization.unicode)
        writer.key("whitespace")
        writer.string(Normalization.whitespace)
        writer.endObject()
        // Where the comparison fell back to ids, one line each.
        writer.key("notes")
        writer.beginArray()
        for note in report.notes { writer.string(note) }
        writer.endArray()
        writer.key("one_sided_fields")
        writer.beginArray()
        for oneSided in report.oneSidedFields {
            writer.beginObject()
            writer.key("field")
            writer.string(oneSided.field)
            writer.key("side")
            writer.string(oneSided.side)
            writer.endObject()
        }
        writer.endArray()
        writer.key("resources")
        writer.beginArray()
        for resource in options.resources.sorted() { writer.string(resource.rawValue) }
        writer.endArray()
        writer.key("right")
        write(report.right, into: &writer)
        if let metrics = context.metrics {
            writer.key("run")
            try writeRun(
                metrics, rateProfile: context.rateDescription ?? (context.rateProfile ?? .server).description,
                into: &writer)
        }
        writer.key("tool")
        writer.string("casediff")
        writer.key("version")
        writer.string(context.toolVersion)
        writer.endObject()
    }

    static func write(_ side: ComparisonReport.Side, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("cases")
        writer.int(side.cases)
        writer.key("instance")
        writer.string(side.instance)
        writer.key("project_id")
        writer.int(side.projectID)
        writer.key("project_name")
        writer.string(side.projectName)
        if let taken = side.snapshotTakenAt {
            writer.key("snapshot_taken_at")
            writer.string(ISO8601DateFormatter().string(from: taken))
        }
        writer.key("suite_mode")
        writer.int(side.suiteMode)
        writer.endObject()
    }

    /// How cases were paired; `field` and `rename_threshold` are null when they do not apply.
    static func writeMatch(_ options: ComparisonOptions, into writer: inout JSONWriter) throws {
        let key: String
        var field: String?
        switch options.match {
        case .title: key = "title"
        case .path: key = "path"
        case .id: key = "id"
        case .field(let matched, _):
            key = "field"
            field = matched.name
        }
        writer.beginObject()
        writer.key("field")
        writer.string(orNull: field)
        writer.key("ignore_case")
        writer.bool(options.ignoreCase)
        writer.key("key")
        writer.string(key)
        writer.key("rename_threshold")
        try writer.double(
            orNull: options.match.detectsRenames && options.renameThreshold < 1 ? options.renameThreshold : nil)
        writer.key("scope")
        writer.string(options.crossSuite ? "project" : "suite")
        writer.key("suites")
        writer.beginArray()
        for suite in options.suites { writer.string(suite) }
        writer.endArray()
        writer.endObject()
    }
}
