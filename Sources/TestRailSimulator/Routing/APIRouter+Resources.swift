import Foundation
import TestRailAPI

/// The methods around a project's cases: templates, users, milestones, shared steps and labels.
extension APIRouter {
    private var resources: ProjectResourceIndex { index.resources }

    /// The project the call names as its first argument, if it exists.
    private func projectID(_ call: TestRailEndpoint) -> Int? {
        argument(call).flatMap { index.projectsByID[$0]?.record.id }
    }

    /// `get_templates/{project_id}`: a bare array at every TestRail version.
    func templates(_ call: TestRailEndpoint) -> APIResponse {
        guard let projectID = projectID(call) else { return .error(400, TestRailMessages.invalidProject) }
        let records = resources.templates.filter { $0.belongs(to: projectID) }.map(\.record)
        return APIResponse(status: 200, body: Self.array(records), items: records.count)
    }

    /// `get_users` (administrators: everyone) and `get_users/{project_id}` (anyone: the project's active members).
    func users(_ call: TestRailEndpoint, for caller: APICaller) -> APIResponse {
        guard !call.arguments.isEmpty else {
            guard caller.isAdmin else { return .error(403, TestRailMessages.notAdministrator) }
            return list(call, resources.users.map(\.scoped.record), key: "users", for: caller)
        }
        guard let projectID = projectID(call) else { return .error(400, TestRailMessages.invalidProject) }
        let members = resources.users.filter { $0.isActive && $0.scoped.belongs(to: projectID) }
        return list(call, members.map(\.scoped.record), key: "users", for: caller)
    }

    /// `get_user/{user_id}` and `get_user_by_email&email=`: anyone may fetch themselves, administrators anyone.
    func user(_ call: TestRailEndpoint, for caller: APICaller) -> APIResponse {
        let found: ProjectResourceIndex.User
        if call.method == "get_user_by_email" {
            guard let email = call.parameter("email"), !email.isEmpty else {
                return .error(400, TestRailMessages.emailRequired)
            }
            guard let user = resources.usersByEmail[email.lowercased()] else {
                return .error(400, TestRailMessages.invalidEmail)
            }
            found = user
        } else {
            guard let user = argument(call).flatMap({ resources.usersByID[$0] }) else {
                return .error(400, TestRailMessages.invalidUser)
            }
            found = user
        }
        guard caller.isAdmin || found.email == caller.email else {
            return .error(403, TestRailMessages.otherUserDenied)
        }
        return APIResponse(status: 200, body: found.scoped.record.json)
    }

    /// `get_milestones/{project_id}`: every milestone, sub-milestones included and flat; filters `is_completed`,
    /// `is_started` (`0`/`1`).
    func milestones(_ call: TestRailEndpoint, for caller: APICaller) -> APIResponse {
        guard let projectID = projectID(call) else { return .error(400, TestRailMessages.invalidProject) }
        var records = resources.milestonesByProject[projectID] ?? []
        for name in ["is_completed", "is_started"] {
            guard let raw = call.parameter(name) else { continue }
            guard let wanted = Self.boolean(raw) else { return .error(400, TestRailMessages.invalidBoolean(name)) }
            records = records.filter { (ProjectResourceIndex.flag($0.fields[name]) ?? false) == wanted }
        }
        return list(call, records, key: "milestones", for: caller)
    }

    /// `get_milestone/{milestone_id}`: the milestone with its sub-milestones nested under `milestones`.
    func milestone(_ call: TestRailEndpoint) -> APIResponse {
        guard let body = argument(call).flatMap({ resources.milestoneDetails[$0] }) else {
            return .error(400, TestRailMessages.invalidMilestone)
        }
        return APIResponse(status: 200, body: body)
    }

    /// `get_shared_steps/{project_id}`; filters `created_after`/`before`, `updated_after`/`before`.
    func sharedSteps(_ call: TestRailEndpoint, for caller: APICaller) -> APIResponse {
        guard let projectID = projectID(call) else { return .error(400, TestRailMessages.invalidProject) }
        var records = resources.sharedStepsByProject[projectID] ?? []
        if let rejection = filterByTimestamps(call, &records) { return rejection }
        return list(call, records, key: "shared_steps", for: caller)
    }

    func sharedStep(_ call: TestRailEndpoint) -> APIResponse {
        guard let record = argument(call).flatMap({ resources.sharedStepsByID[$0] }) else {
            return .error(400, TestRailMessages.invalidSharedStep)
        }
        return APIResponse(status: 200, body: record.json)
    }

    /// `get_labels/{project_id}`: the project's labels and those with no `project_id`.
    func labels(_ call: TestRailEndpoint, for caller: APICaller) -> APIResponse {
        guard let projectID = projectID(call) else { return .error(400, TestRailMessages.invalidProject) }
        let records = resources.labels.filter { $0.belongs(to: projectID) }.map(\.record)
        return list(call, records, key: "labels", for: caller)
    }

    func label(_ call: TestRailEndpoint) -> APIResponse {
        guard let record = argument(call).flatMap({ resources.labelsByID[$0] }) else {
            return .error(400, TestRailMessages.invalidLabel)
        }
        return APIResponse(status: 200, body: record.json)
    }

    /// TestRail's boolean parameters: `1`/`0`, and `true`/`false` as clients also send them.
    private static func boolean(_ raw: String) -> Bool? {
        switch raw.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: return nil
        }
    }
}
