import Foundation
import TestRailAPI

@testable import CasediffCore

/// The JSON diff export, schema version 3 (`docs/diff-schema.json`), as `Encodable` values: the reference the
/// streaming ``JSONRenderer`` is checked against (`JSONEncoder` with sorted keys writes this document byte for byte
/// as the renderer must). It is how the export was written before the renderer streamed it. Every list is present
/// (`[]` when empty); absent sides are `null`; nil optionals of synthesized `Encodable` are left out.
struct DiffDocument: Encodable {
    var schemaVersion = JSONRenderer.schemaVersion
    var metadata: Metadata
    var drift: Bool
    var totals: Counts
    var duplicates: [Duplicate]
    var keyless: Keyless
    var suites: [Suite]
    var resources: [Group]
    var resourceTotals: [String: Counts]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case metadata, drift, totals, duplicates, keyless, suites, resources
        case resourceTotals = "resource_totals"
    }

    init(_ report: ComparisonReport, context: RenderContext) {
        metadata = Metadata(report, context: context)
        drift = report.hasDrift
        totals = Counts(report.totals)
        duplicates = report.duplicates.map {
            Duplicate(suite: $0.suite, key: $0.key, left: $0.left, right: $0.right)
        }
        keyless = Keyless(
            left: report.keylessLeft, right: report.keylessRight, pairedByTitle: report.keylessPairedByTitle)
        suites = report.suites.map(Suite.init)
        resources = report.resources.map(Group.init)
        var totals = Dictionary(
            uniqueKeysWithValues: report.resourceTotals.map { ($0.resource.rawValue, Counts($0.counts)) })
        if report.options.compares(.cases) { totals["cases"] = Counts(report.totals) }
        resourceTotals = totals
    }

    /// One resource's comparison.
    struct Group: Encodable {
        var resource: String
        var left: Int
        var right: Int
        var counts: Counts
        var records: [Record]

        init(_ group: ResourceComparison) {
            resource = group.resource.rawValue
            left = group.left
            right = group.right
            counts = Counts(group.counts)
            records = group.records.map(Record.init)
        }
    }

    struct Metadata: Encodable {
        var tool = "casediff"
        var version: String
        var generatedAt: String?
        var left: Project
        var right: Project
        var match: Match
        var normalization: Normalization
        var comparedFields: [String]
        var oneSidedFields: [OneSided]
        var failOn: [String: [String]]
        var resources: [String]
        /// Where the comparison fell back to ids, one line each.
        var notes: [String]
        var complete = true
        var run: Run?

        init(_ report: ComparisonReport, context: RenderContext) {
            version = context.toolVersion
            generatedAt = context.generatedAt.map { ISO8601DateFormatter().string(from: $0) }
            left = Project(report.left)
            right = Project(report.right)
            match = Match(report.options)
            normalization = Normalization(
                ignoreCase: report.options.ignoreCase, compareAttachments: report.options.compareAttachments)
            notes = report.notes
            comparedFields = report.comparedFields.map(\.name)
            oneSidedFields = report.oneSidedFields.map { OneSided(field: $0.field, side: $0.side) }
            let options = report.options
            failOn = Dictionary(
                uniqueKeysWithValues: options.resources.map {
                    ($0.rawValue, options.drift[$0].sorted().map(\.rawValue))
                })
            resources = options.resources.sorted().map(\.rawValue)
            run = context.metrics.map {
                Run($0, rateProfile: context.rateDescription ?? (context.rateProfile ?? .server).description)
            }
        }

        enum CodingKeys: String, CodingKey {
            case tool, version, left, right, match, normalization, complete, run, notes, resources
            case generatedAt = "generated_at"
            case comparedFields = "compared_fields"
            case oneSidedFields = "one_sided_fields"
            case failOn = "fail_on"
        }
    }

    struct Project: Encodable {
        var instance: String
        var projectID: Int
        var projectName: String
        var suiteMode: Int
        var cases: Int
        var snapshotTakenAt: String?

        init(_ side: ComparisonReport.Side) {
            snapshotTakenAt = side.snapshotTakenAt.map { ISO8601DateFormatter().string(from: $0) }
            instance = side.instance
            projectID = side.projectID
            projectName = side.projectName
            suiteMode = side.suiteMode
            cases = side.cases
        }

        enum CodingKeys: String, CodingKey {
            case instance, cases
            case projectID = "project_id"
            case projectName = "project_name"
            case suiteMode = "suite_mode"
            case snapshotTakenAt = "snapshot_taken_at"
        }
    }

    struct Match: Encodable {
        var key: String
        var field: String?
        var scope: String
        var suites: [String]
        var ignoreCase: Bool
        var renameThreshold: Double?

        init(_ options: ComparisonOptions) {
            switch options.match {
            case .title: key = "title"
            case .path: key = "path"
            case .id: key = "id"
            case .field(let field, _):
                key = "field"
                self.field = field.name
            }
            scope = options.crossSuite ? "project" : "suite"
            suites = options.suites
            ignoreCase = options.ignoreCase
            renameThreshold =
                options.match.detectsRenames && options.renameThreshold < 1 ? options.renameThreshold : nil
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(field, forKey: .field)
            try container.encode(scope, forKey: .scope)
            try container.encode(suites, forKey: .suites)
            try container.encode(ignoreCase, forKey: .ignoreCase)
            try container.encode(renameThreshold, forKey: .renameThreshold)
        }

        enum CodingKeys: String, CodingKey {
            case key, field, scope, suites
            case ignoreCase = "ignore_case"
            case renameThreshold = "rename_threshold"
        }
    }

    struct Normalization: Encodable {
        var whitespace = "trimmed; runs collapsed to one space"
        var unicode = "NFC"
        var letterCase: String
        var richText =
            "Text and Steps fields: HTML values (<p>…</p>) compared as their text, Markdown as written (against HTML, as the text it shows); entities decoded"
        var meaning = "ids compared as what they mean on their own instance: names, labels, emails"
        var attachments: String
        var emptyValues = "absent, null, empty and blank are the same value"

        init(ignoreCase: Bool, compareAttachments: Bool) {
            letterCase = ignoreCase ? "ignored" : "significant"
            attachments = compareAttachments ? "compared by id" : "every reference the same: [attachment]"
        }

        enum CodingKeys: String, CodingKey {
            case whitespace, unicode
            case letterCase = "case"
            case richText = "rich_text"
            case meaning, attachments
            case emptyValues = "empty_values"
        }
    }

    struct OneSided: Encodable {
        var field: String
        var side: String
    }

    struct Counts: Encodable {
        var added: Int
        var removed: Int
        var changed: Int
        var moved: Int
        var renamed: Int
        var unchanged: Int
        var drift: Int

        init(_ counts: StatusCounts) {
            added = counts.added
            removed = counts.removed
            changed = counts.changed
            moved = counts.moved
            renamed = counts.renamed
            unchanged = counts.unchanged
            drift = counts.drift
        }
    }

    struct Duplicate: Encodable {
        var suite: String?
        var key: String
        var left: Int
        var right: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(suite, forKey: .suite)
            try container.encode(key, forKey: .key)
            try container.encode(left, forKey: .left)
            try container.encode(right, forKey: .right)
        }

        enum CodingKeys: String, CodingKey { case suite, key, left, right }
    }

    struct Keyless: Encodable {
        var left: Int
        var right: Int
        var pairedByTitle: Int

        enum CodingKeys: String, CodingKey {
            case left, right
            case pairedByTitle = "paired_by_title"
        }
    }

    struct CaseSide: Encodable {
        var id: Int
        var suite: String
        var section: String
        var title: String

        init(_ side: CaseRecord.Side) {
            id = side.id
            suite = side.suite
            section = side.sectionPath
            title = side.title
        }
    }

    struct Change: Encodable {
        var path: String
        var field: String
        var kind: String
        var old: JSONValue
        var new: JSONValue
        /// The shared step set the step belongs to; the key is left out for anything else.
        var sharedStepSet: String?

        init(_ change: FieldChange) {
            path = change.path
            field = change.field
            kind = change.kind.rawValue
            old = change.old
            new = change.new
            sharedStepSet = change.origin
        }

        enum CodingKeys: String, CodingKey {
            case path, field, kind, old, new
            case sharedStepSet = "shared_step_set"
        }
    }

    struct Record: Encodable {
        var resource: String
        var status: String
        var drift: Bool
        var duplicate: Bool
        var key: String
        var left: CaseSide?
        var right: CaseSide?
        var changes: [Change]

        init(_ record: CaseRecord) {
            resource = record.resource.rawValue
            status = record.status.rawValue
            drift = record.drift
            duplicate = record.duplicate
            key = record.key
            left = record.left.map(CaseSide.init)
            right = record.right.map(CaseSide.init)
            changes = record.changes.map(Change.init)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(resource, forKey: .resource)
            try container.encode(status, forKey: .status)
            try container.encode(drift, forKey: .drift)
            try container.encode(duplicate, forKey: .duplicate)
            try container.encode(key, forKey: .key)
            // Absent sides are written as null, so every record has the same keys.
            try container.encode(left, forKey: .left)
            try container.encode(right, forKey: .right)
            try container.encode(changes, forKey: .changes)
        }

        enum CodingKeys: String, CodingKey { case resource, status, drift, duplicate, key, left, right, changes }
    }

    struct Suite: Encodable {
        var name: String
        var leftSuiteID: Int?
        var rightSuiteID: Int?
        var leftCases: Int
        var rightCases: Int
        var counts: Counts
        var cases: [Record]
        var sections: Group?

        init(_ suite: SuiteComparison) {
            sections = suite.sections.map(Group.init)
            name = suite.name
            leftSuiteID = suite.leftSuiteID
            rightSuiteID = suite.rightSuiteID
            leftCases = suite.leftCases
            rightCases = suite.rightCases
            counts = Counts(suite.counts)
            cases = suite.records.map(Record.init)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(leftSuiteID, forKey: .leftSuiteID)
            try container.encode(rightSuiteID, forKey: .rightSuiteID)
            try container.encode(leftCases, forKey: .leftCases)
            try container.encode(rightCases, forKey: .rightCases)
            try container.encode(counts, forKey: .counts)
            try container.encode(cases, forKey: .cases)
            // Null when sections are not compared.
            try container.encode(sections, forKey: .sections)
        }

        enum CodingKeys: String, CodingKey {
            case name, counts, cases, sections
            case leftSuiteID = "left_suite_id"
            case rightSuiteID = "right_suite_id"
            case leftCases = "left_cases"
            case rightCases = "right_cases"
        }
    }
}
