import Foundation
import TestRailAPI

/// The records around a project's test cases (templates, users, milestones, shared steps, labels), indexed for
/// serving: pre-encoded, scoped to projects, simulator-only keys stripped.
///
/// Lists are in id order; a record scoped by `project_ids` (templates, users) or `project_id` (labels) with no such
/// key belongs to every project.
struct ProjectResourceIndex: Sendable {
    typealias Record = InstanceIndex.Record

    /// A record and the projects it belongs to; nil for every project.
    struct Scoped: Sendable {
        var projectIDs: Set<Int>?
        var record: Record

        func belongs(to projectID: Int) -> Bool {
            projectIDs?.contains(projectID) ?? true
        }
    }

    struct User: Sendable {
        var scoped: Scoped
        /// Lowercased: TestRail matches emails without regard to case.
        var email: String
        var isActive: Bool
    }

    /// The key that scopes a record in a fixture and is never served.
    static let simulatorOnlyKey = "project_ids"

    var templates: [Scoped] = []
    var users: [User] = []
    var usersByID: [Int: User] = [:]
    var usersByEmail: [String: User] = [:]
    var milestonesByProject: [Int: [Record]] = [:]
    /// `get_milestone`'s body: the milestone with its sub-milestones nested under `milestones`.
    var milestoneDetails: [Int: Data] = [:]
    var sharedStepsByProject: [Int: [Record]] = [:]
    var sharedStepsByID: [Int: Record] = [:]
    var labels: [Scoped] = []
    var labelsByID: [Int: Record] = [:]

    init(_ dataset: Dataset) {
        templates = Self.byID(dataset.templates).map(Self.scoped)
        for fields in Self.byID(dataset.users) {
            let user = User(
                scoped: Self.scoped(fields),
                email: (fields["email"]?.stringValue ?? "").lowercased(),
                isActive: Self.flag(fields["is_active"]) ?? true)
            users.append(user)
            usersByID[user.scoped.record.id] = user
            if usersByEmail[user.email] == nil { usersByEmail[user.email] = user }
        }

        let milestones = Self.byID(dataset.milestones)
        var children: [Int: [[String: JSONValue]]] = [:]
        for fields in milestones {
            if let parent = fields["parent_id"]?.intValue { children[parent, default: []].append(fields) }
        }
        for fields in milestones {
            let entry = Self.record(fields)
            milestonesByProject[fields["project_id"]?.intValue ?? 0, default: []].append(entry)
            var detail = fields
            detail["milestones"] = .array((children[entry.id] ?? []).map(JSONValue.object))
            milestoneDetails[entry.id] = Self.encode(detail)
        }

        for fields in Self.byID(dataset.sharedSteps) {
            let entry = Self.record(fields)
            sharedStepsByProject[fields["project_id"]?.intValue ?? 0, default: []].append(entry)
            sharedStepsByID[entry.id] = entry
        }

        for fields in Self.byID(dataset.labels) {
            let entry = Self.record(fields)
            labels.append(Scoped(projectIDs: fields["project_id"]?.intValue.map { [$0] }, record: entry))
            labelsByID[entry.id] = entry
        }
    }

    private static func byID(_ list: [[String: JSONValue]]) -> [[String: JSONValue]] {
        list.sorted { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }
    }

    private static func encode(_ fields: [String: JSONValue]) -> Data {
        (try? InstanceIndex.encoder.encode(fields)) ?? Data("{}".utf8)
    }

    private static func record(_ fields: [String: JSONValue]) -> Record {
        Record(id: fields["id"]?.intValue ?? 0, json: encode(fields), fields: fields)
    }

    /// The record without its simulator-only `project_ids`, and the projects that key named.
    private static func scoped(_ fields: [String: JSONValue]) -> Scoped {
        var served = fields
        let scope = served.removeValue(forKey: simulatorOnlyKey)
        var projectIDs: Set<Int>?
        if case .array(let values)? = scope {
            projectIDs = Set(values.compactMap(\.intValue))
        }
        return Scoped(projectIDs: projectIDs, record: record(served))
    }

    /// A TestRail boolean, which fixtures may write as `true` or `1`.
    static func flag(_ value: JSONValue?) -> Bool? {
        switch value {
        case .bool(let flag)?: return flag
        case .int(let number)?: return number != 0
        default: return nil
        }
    }
}
