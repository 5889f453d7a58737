import Foundation
import Synchronization
import TestRailAPI

@testable import CasediffCore
@testable import TestRailSimulator

/// A TestRail instance in memory, on virtual time: the simulator's router answers (no sockets, no server task),
/// each request takes its latency on the ``ManualClock``, scripted calls are answered 429 with `Retry-After`, and
/// every request is logged with the virtual instants it was sent and answered.
final class VirtualServer: Sendable {
    struct Entry: Sendable, Hashable {
        /// The call, as the API path after `index.php?/api/v2/`.
        var call: TestRailEndpoint
        var sentAt: Duration
        /// Nil while on its way, or when the request was cancelled.
        var answeredAt: Duration?
        var status: Int?
    }

    /// A scripted 429: calls whose API path contains every fragment, the first `times` times.
    struct Rejection: Sendable {
        var fragments: [String]
        var retryAfterSeconds: Int
        var times = 1
        /// The limit the message states, as TestRail's "500 per minute maximum allowed"; nil states none.
        var statedLimit: Int? = nil
    }

    let clock: ManualClock
    let latency: @Sendable (TestRailEndpoint) -> Duration
    private let router: APIRouter
    private let state: Mutex<(log: [Entry], rejections: [Rejection])>

    init(
        dataset: Dataset, clock: ManualClock, rejections: [Rejection] = [],
        latency: @escaping @Sendable (TestRailEndpoint) -> Duration = { _ in .milliseconds(100) }
    ) {
        self.clock = clock
        self.latency = latency
        router = APIRouter(index: InstanceIndex(dataset), dialect: ServerDialect())
        state = Mutex(([], rejections))
    }

    var log: [Entry] { state.withLock { $0.log } }

    /// A client of this instance (what `demoClient()` is for the real simulator).
    func client() throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL("https://virtual.testrail.io/"),
            credentials: Credentials(
                user: SimulatorConfiguration.demoUser.email, apiKey: SimulatorConfiguration.demoUser.key),
            transport: ClosureTransport { try await self.answer($0) })
    }

    private func answer(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let query = request.url.query(percentEncoded: true), let call = try? TestRailEndpoint(apiPath: query)
        else { return HTTPResponse(status: 404) }
        let index = state.withLock { state in
            state.log.append(Entry(call: call, sentAt: clock.now))
            return state.log.count - 1
        }
        do {
            try await clock.sleep(for: latency(call))
        } catch {
            throw TestRailError.cancelled
        }
        let rejection = state.withLock { state -> Rejection? in
            guard
                let found = state.rejections.firstIndex(where: { rejection in
                    rejection.times > 0 && rejection.fragments.allSatisfy { call.apiPath.contains($0) }
                })
            else { return nil }
            state.rejections[found].times -= 1
            return state.rejections[found]
        }
        let response: HTTPResponse
        if let rejection {
            let seconds = rejection.retryAfterSeconds
            let message =
                rejection.statedLimit.map {
                    "API Rate Limit Exceeded - \($0) per minute maximum allowed. Retry after \(seconds) seconds."
                } ?? "API Rate Limit Exceeded - \(seconds) seconds"
            response = HTTPResponse(
                status: 429, headers: ["Retry-After": String(seconds), "Content-Type": "application/json"],
                body: Data(#"{"error":"\#(message)"}"#.utf8))
        } else {
            let answer = router.respond(
                to: call, from: APICaller(email: SimulatorConfiguration.demoUser.email, isAdmin: true))
            response = HTTPResponse(
                status: answer.status, headers: ["Content-Type": answer.contentType], body: answer.body)
        }
        state.withLock { state in
            state.log[index].answeredAt = clock.now
            state.log[index].status = response.status
        }
        return response
    }
}

extension VirtualServer.Entry {
    /// The store's key for this call's answer on `instance`.
    func key(instance: String) -> PageKey {
        let resource: PageKey.Resource
        switch call.method {
        case "get_project": resource = .project
        case "get_projects": resource = .projects
        case "get_case_types": resource = .caseTypes
        case "get_priorities": resource = .priorities
        case "get_case_fields": resource = .caseFields
        case "get_templates": resource = .templates
        case "get_milestones": resource = .milestones
        case "get_shared_steps": resource = .sharedSteps
        case "get_users": resource = .users
        case "get_suites": resource = .suites
        case "get_sections": resource = .sections
        default: resource = .cases
        }
        return PageKey(
            instance: instance, resource: resource, projectID: call.arguments.first ?? 0,
            suiteID: call.parameter("suite_id").flatMap { Int($0) } ?? 0,
            offset: call.parameter("offset").flatMap { Int($0) } ?? 0)
    }

    /// `get_cases/1&suite_id=5&offset=250` as `cases s5 o250`.
    var suiteID: Int? { call.parameter("suite_id").flatMap { Int($0) } }
    var offset: Int { call.parameter("offset").flatMap { Int($0) } ?? 0 }
}
