import Foundation
import TestRailAPI

/// A portable copy of one project, as `casediff snapshot` writes it: a CI job keeps one in its repository as the
/// baseline and `casediff compare` reads it in place of a live project.
///
/// The file is JSON with sorted keys and two-space indentation, so the same data always gives the same bytes and a
/// changed baseline reads well in a code review:
///
/// ```json
/// { "casediff_version": "0.6.0", "format": "casediff-snapshot", "schema_version": 2,
///   "taken_at": "2026-11-23T10:00:00Z", "instance": "https://example.testrail.io/",
///   "project": {…}, "case_types": […], "priorities": […],
///   "case_fields": […], "templates": […], "milestones": […], "users": […], "shared_steps": […],
///   "suites": [ { "suite": {…}, "sections": […], "cases": […] } ] }
/// ```
///
/// Sections and cases keep TestRail's own field names and values, custom fields included. Since format 2 the
/// snapshot also carries the definitions that give those values meaning on their instance (dropdown labels,
/// templates, milestones, the users its cases name, shared step sets), so it compares exactly like the live project
/// it was taken from. A format 1 snapshot still reads; its ids then compare as ids, and the report says so.
public struct ProjectSnapshot: Sendable, Hashable {
    public static let format = "casediff-snapshot"
    /// The snapshot format version this casediff writes and the newest it reads.
    public static let schemaVersion = 2

    public var data: ProjectData
    public var takenAt: Date
    public var toolVersion: String

    /// Users are kept only when a case names them (user fields, creators): a snapshot is no user directory.
    public init(data: ProjectData, takenAt: Date, toolVersion: String) {
        var data = data
        if let users = data.definitions.users {
            let named = Self.namedUsers(data)
            data.definitions.users = users.filter { named.contains($0.id) }
        }
        self.data = data
        self.takenAt = takenAt
        self.toolVersion = toolVersion
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
            snapshot.data.snapshotFile = path
            return snapshot
        } catch {
            throw CasediffError.snapshot(path: path, detail: "malformed: \(JSONBody.describe(error, data: bytes))")
        }
    }

    /// Every user id a case refers to: custom field values (any user field may hold it), creators and editors.
    private static func namedUsers(_ data: ProjectData) -> Set<Int> {
        let userFields = Set(
            (data.definitions.caseFields ?? []).filter { $0.type == .user }.map(\.systemName))
        var ids = Set<Int>()
        for suite in data.suites {
            for testCase in suite.cases {
                if let id = testCase.createdBy { ids.insert(id) }
                if let id = testCase.updatedBy { ids.insert(id) }
                for name in userFields {
                    if let id = testCase.customFields[name]?.intValue { ids.insert(id) }
                }
            }
        }
        return ids
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
                priorities: try container.decode([Priority].self, forKey: .priorities),
                definitions: try ProjectDefinitions(from: decoder), takenAt: takenAt),
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
        try data.definitions.encode(to: encoder)
    }
}
