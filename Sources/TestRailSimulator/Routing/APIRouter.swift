import Foundation
import TestRailAPI

/// Answers one authenticated API call from the instance's data, as the TestRail version its ``ServerDialect`` names
/// would.
///
/// Pure: no clock, no state; rate limits, faults and latency are applied around it by ``TestRailSimulator``.
struct APIRouter: Sendable {
    let index: InstanceIndex
    let dialect: ServerDialect

    func respond(to call: TestRailEndpoint, from caller: APICaller) -> APIResponse {
        switch call.method {
        case "get_projects":
            return list(call, index.projects, key: "projects", for: caller)
        case "get_project":
            guard let project = argument(call).flatMap({ index.projectsByID[$0] }) else {
                return .error(400, TestRailMessages.invalidProject)
            }
            return APIResponse(status: 200, body: project.record.json)
        case "get_suites":
            guard let project = argument(call).flatMap({ index.projectsByID[$0] }) else {
                return .error(400, TestRailMessages.invalidProject)
            }
            let suites = project.suiteIDs.compactMap { index.suitesByID[$0]?.record }
            return list(call, suites, key: "suites", for: caller)
        case "get_suite":
            guard let suite = argument(call).flatMap({ index.suitesByID[$0] }) else {
                return .error(400, TestRailMessages.invalidSuite)
            }
            return APIResponse(status: 200, body: suite.record.json)
        case "get_sections":
            switch resolveSuite(call) {
            case .failure(let response): return response
            case .success(let suiteID):
                return list(call, index.sectionsBySuite[suiteID] ?? [], key: "sections", for: caller)
            }
        case "get_cases":
            switch resolveSuite(call) {
            case .failure(let response): return response
            case .success(let suiteID): return cases(call, suiteID: suiteID, for: caller)
            }
        case "get_case":
            guard let caseID = argument(call) else { return .error(400, TestRailMessages.invalidCase) }
            if let record = index.casesByID[caseID] { return APIResponse(status: 200, body: record.json) }
            guard let generated = index.generated?.testCase(id: caseID) else {
                return .error(400, TestRailMessages.invalidCase)
            }
            var body: [UInt8] = []
            generated.write(into: &body)
            return APIResponse(status: 200, body: Data(body))
        case "get_case_fields":
            return APIResponse(status: 200, body: index.caseFields)
        case "get_case_types":
            return APIResponse(status: 200, body: index.caseTypes)
        case "get_priorities":
            return APIResponse(status: 200, body: index.priorities)
        case "get_templates":
            return templates(call)
        case "get_users":
            return users(call, for: caller)
        case "get_user", "get_user_by_email":
            return user(call, for: caller)
        case "get_milestones":
            return milestones(call, for: caller)
        case "get_milestone":
            return milestone(call)
        case "get_shared_steps":
            return sharedSteps(call, for: caller)
        case "get_shared_step":
            return sharedStep(call)
        case "get_labels":
            return labels(call, for: caller)
        case "get_label":
            return label(call)
        default:
            return .error(404, TestRailMessages.unknownMethod(call.method))
        }
    }

    func argument(_ call: TestRailEndpoint) -> Int? {
        call.arguments.first
    }

    private enum SuiteResolution {
        case success(Int)
        case failure(APIResponse)
    }

    /// Applies TestRail's suite-mode rules: `suite_id` is optional in single-suite mode and required otherwise.
    private func resolveSuite(_ call: TestRailEndpoint) -> SuiteResolution {
        guard let project = argument(call).flatMap({ index.projectsByID[$0] }) else {
            return .failure(.error(400, TestRailMessages.invalidProject))
        }
        guard let raw = call.parameter("suite_id") else {
            if project.suiteMode == 1, let only = project.suiteIDs.first {
                return .success(only)
            }
            return .failure(.error(400, TestRailMessages.suiteRequired))
        }
        guard let suiteID = Int(raw) else {
            return .failure(.error(400, TestRailMessages.invalidInteger("suite_id")))
        }
        guard let suite = index.suitesByID[suiteID], suite.projectID == project.record.id else {
            return .failure(.error(400, TestRailMessages.invalidSuite))
        }
        return .success(suiteID)
    }

    /// One page of `records` under `key`, with TestRail's `offset`/`limit`/`size`/`_links` envelope, or the whole
    /// list as a bare array where the dialect does not paginate this method for this caller.
    func list(
        _ call: TestRailEndpoint, _ records: [InstanceIndex.Record], key: String, for caller: APICaller
    ) -> APIResponse {
        list(call, count: records.count, key: key, for: caller) { Self.array(records[$0]) }
    }

    /// One page of a list of `count` items under `key`, as above; `items` writes the JSON array of the items at
    /// the positions it is given.
    func list(
        _ call: TestRailEndpoint, count: Int, key: String, for caller: APICaller, items: (Range<Int>) -> Data
    ) -> APIResponse {
        guard dialect.paginates(call.method, betaHeader: caller.sentBetaHeader) else {
            return APIResponse(status: 200, body: items(0..<count), items: count)
        }
        var limit = TestRailEndpoint.maximumPageSize
        if let raw = call.parameter("limit") {
            guard let value = Int(raw), (1...TestRailEndpoint.maximumPageSize).contains(value) else {
                return .error(400, TestRailMessages.invalidLimit)
            }
            limit = value
        }
        var offset = 0
        if let raw = call.parameter("offset") {
            guard let value = Int(raw), value >= 0 else { return .error(400, TestRailMessages.invalidOffset) }
            offset = value
        }
        let start = min(offset, count)
        let end = min(count, start + limit)
        let next =
            offset + limit < count
            ? link(call, offset: offset + limit, limit: dialect.zeroLimitNextLinks ? 0 : limit) : nil
        let previous = offset > 0 ? link(call, offset: max(0, offset - limit), limit: limit) : nil

        var body = Data()
        body.append(
            contentsOf: #"{"offset":\#(offset),"limit":\#(limit),"size":\#(end - start),"_links":{"next":"#.utf8)
        body.append(Self.jsonString(next))
        body.append(contentsOf: #","prev":"#.utf8)
        body.append(Self.jsonString(previous))
        body.append(contentsOf: #"},"\#(key)":"#.utf8)
        body.append(items(start..<end))
        body.append(UInt8(ascii: "}"))
        return APIResponse(status: 200, body: body, items: end - start)
    }

    /// The same call at another offset, filters kept in their original order, then `limit` and `offset`.
    private func link(_ call: TestRailEndpoint, offset: Int, limit: Int) -> String {
        var target = call
        target.parameters.removeAll { $0.name == "limit" || $0.name == "offset" }
        target.parameters.append(.init("limit", String(limit)))
        target.parameters.append(.init("offset", String(offset)))
        return target.apiPath
    }

    static func array<Records: Collection>(_ records: Records) -> Data
    where Records.Element == InstanceIndex.Record {
        var data = Data([UInt8(ascii: "[")])
        for (position, record) in records.enumerated() {
            if position > 0 { data.append(UInt8(ascii: ",")) }
            data.append(record.json)
        }
        data.append(UInt8(ascii: "]"))
        return data
    }

    private static func jsonString(_ text: String?) -> Data {
        guard let text else { return Data("null".utf8) }
        return (try? InstanceIndex.encoder.encode(text)) ?? Data("null".utf8)
    }
}
