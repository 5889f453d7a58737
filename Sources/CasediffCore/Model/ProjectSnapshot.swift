import Foundation
import TestRailAPI

/// A portable copy of one project, as `casediff snapshot` writes it: a CI job keeps one in its repository as the
/// baseline and `casediff compare` reads it in place of a live project.
///
/// The file is JSON with sorted keys and two-space indentation, so the same data always gives the same bytes and a
/// changed baseline reads well in a code review:
///
/// ```json
/// { "casediff_version": "0.4.0", "format": "casediff-snapshot", "schema_version": 1,
///   "taken_at": "2026-11-23T10:00:00Z", "instance": "https://example.testrail.io/",
///   "project": {…}, "case_types": […], "priorities": […],
///   "suites": [ { "suite": {…}, "sections": […], "cases": […] } ] }
/// ```
///
/// Sections and cases keep TestRail's own field names and values, custom fields included.
public struct ProjectSnapshot: Sendable, Hashable {
    public static let format = "casediff-snapshot"
    /// The snapshot format version this casediff writes and the newest it reads.
    public static let schemaVersion = 1

    public var data: ProjectData
    public var takenAt: Date
    public var toolVersion: String

    public init(data: ProjectData, takenAt: Date, toolVersion: String) {
        self.data = data
        self.takenAt = takenAt
        self.toolVersion = toolVersion
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var bytes = try encoder.encode(self)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Reads a snapshot file's bytes; `path` only names it in errors.
    public static func decode(_ bytes: Data, path: String) throws -> ProjectSnapshot {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: bytes)
        } catch {
            throw CasediffError.snapshot(
                path: path, detail: "not a casediff snapshot (\(JSONBody.describe(error, data: bytes)))")
        }
        guard header.format == format else {
            throw CasediffError.snapshot(path: path, detail: "not a casediff snapshot (format '\(header.format)')")
        }
        guard header.schemaVersion <= schemaVersion else {
            throw CasediffError.snapshot(
                path: path,
                detail:
                    "written by casediff \(header.casediffVersion) in snapshot format \(header.schemaVersion); this casediff reads up to \(schemaVersion)"
            )
        }
        do {
            var snapshot = try JSONDecoder().decode(ProjectSnapshot.self, from: bytes)
            snapshot.data.takenAt = snapshot.takenAt
            return snapshot
        } catch {
            throw CasediffError.snapshot(path: path, detail: "malformed: \(JSONBody.describe(error, data: bytes))")
        }
    }

    private struct Header: Decodable {
        var format: String
        var schemaVersion: Int
        var casediffVersion: String

        enum CodingKeys: String, CodingKey {
            case format
            case schemaVersion = "schema_version"
            case casediffVersion = "casediff_version"
        }
    }
}

extension ProjectSnapshot: Codable {
    enum CodingKeys: String, CodingKey {
        case format, instance, project, suites, priorities
        case schemaVersion = "schema_version"
        case casediffVersion = "casediff_version"
        case takenAt = "taken_at"
        case caseTypes = "case_types"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let taken = try container.decode(String.self, forKey: .takenAt)
        guard let takenAt = ISO8601DateFormatter().date(from: taken) else {
            throw DecodingError.dataCorruptedError(
                forKey: .takenAt, in: container, debugDescription: "taken_at is not an ISO 8601 time")
        }
        self.init(
            data: ProjectData(
                instance: try container.decode(String.self, forKey: .instance),
                project: try container.decode(Project.self, forKey: .project),
                suites: try container.decode([SuiteData].self, forKey: .suites),
                caseTypes: try container.decode([CaseType].self, forKey: .caseTypes),
                priorities: try container.decode([Priority].self, forKey: .priorities), takenAt: takenAt),
            takenAt: takenAt, toolVersion: try container.decode(String.self, forKey: .casediffVersion))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(toolVersion, forKey: .casediffVersion)
        try container.encode(ISO8601DateFormatter().string(from: takenAt), forKey: .takenAt)
        try container.encode(data.instance, forKey: .instance)
        try container.encode(data.project, forKey: .project)
        try container.encode(data.caseTypes, forKey: .caseTypes)
        try container.encode(data.priorities, forKey: .priorities)
        try container.encode(data.suites, forKey: .suites)
    }
}
