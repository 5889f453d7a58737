import Foundation
import TestRailAPI

/// One simulated instance, independent of HTTP: takes a request's path, query, credentials and headers and returns
/// the response TestRail would send, after authentication, maintenance, the rate window, faults and latency.
public struct SimulatorCore: Sendable {
    /// A response ready for the wire; `delivery` says whether to send it whole, cut, or drop the connection.
    public struct Reply: Sendable {
        public enum Delivery: Sendable, Hashable {
            case whole
            case truncated
            case dropped
            /// `contentLength` bytes promised, `body` first, then padding at `bytesPerSecond`.
            case trickled(contentLength: Int, bytesPerSecond: Int)
            /// A JSON object of exactly this many bytes, streamed.
            case oversized(bytes: Int)
        }

        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        public var contentType: String
        public var delivery: Delivery
    }

    let configuration: SimulatorConfiguration
    private let routing: RouterBox
    var router: APIRouter { routing.current }
    let state: SimulatorState
    let started: ContinuousClock.Instant
    /// The users who may log in, by lowercased email.
    private let accounts: [String: SimulatorConfiguration.User]
    /// Set when the simulator stops, so trickled and silent answers end instead of holding the shutdown.
    public let stopping = StopFlag()

    public init(dataset: Dataset, configuration: SimulatorConfiguration) throws {
        self.configuration = configuration
        routing = RouterBox(APIRouter(index: InstanceIndex(dataset), dialect: ServerDialect(configuration)))
        state = try SimulatorState(configuration: configuration)
        started = ContinuousClock.now
        accounts = Dictionary(
            configuration.users.map { ($0.email.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Replaces the instance's data while it runs, as users editing TestRail would: later requests see the new data.
    public func replaceDataset(_ dataset: Dataset) {
        routing.current = APIRouter(index: InstanceIndex(dataset), dialect: ServerDialect(configuration))
    }

    /// Answers one HTTP request. `path` is the URL path (`/index.php`), `query` the raw text after `?`; `headers`
    /// are the request's other headers, names in any case (only `x-api-ident` matters, see
    /// ``SimulatorConfiguration/betaHeaderPagination``).
    public func handle(
        httpMethod: String, path: String, query: String?, authorization: String?, headers: [String: String] = [:]
    ) async -> Reply {
        let arrived = ContinuousClock.now - started
        let apiIdent = headers.first { $0.key.lowercased() == "x-api-ident" }?.value
        let carriedAuthorization = authorization != nil
        guard path == configuration.basePath + "index.php", let query, query.hasPrefix("/api/v2/"),
            let call = try? TestRailEndpoint(apiPath: query), !call.method.isEmpty
        else {
            let sequence = await state.nextSequence()
            return await finish(
                .error(404, "No API method at this address; TestRail's API lives at index.php?/api/v2/<method>"),
                sequence: sequence, arrived: arrived, method: "-", path: (query ?? path), fault: nil, occurrence: 0,
                carriedAuthorization: carriedAuthorization)
        }
        let hostile = configuration.hostility.first { $0.applies(to: call.method) }
        if let hostile,
            let reply = await hostileReply(
                hostile, query: query, authorization: authorization, arrived: arrived, call: call)
        {
            return reply
        }
        guard let account = authenticatedUser(authorization) else {
            let sequence = await state.nextSequence()
            return await finish(
                .error(401, TestRailMessages.authenticationFailed), sequence: sequence, arrived: arrived,
                method: call.method, path: call.apiPath, fault: nil, occurrence: 0,
                carriedAuthorization: carriedAuthorization)
        }
        guard configuration.apiEnabled else {
            let sequence = await state.nextSequence()
            return await finish(
                .error(403, TestRailMessages.apiDisabled), sequence: sequence, arrived: arrived,
                method: call.method, path: call.apiPath, fault: nil, occurrence: 0,
                carriedAuthorization: carriedAuthorization)
        }
        let admission = await state.admit(path: call.apiPath, at: arrived)
        var fault: Fault?
        switch admission.gate {
        case .maintenance:
            fault = .maintenance
        case .rateLimited(let seconds):
            let limit = configuration.rateLimitPerMinute ?? 0
            return await finish(
                .error(
                    429, TestRailMessages.rateLimited(limit: limit, retryAfter: seconds),
                    headers: [("Retry-After", String(seconds))]),
                sequence: admission.sequence, arrived: arrived, method: call.method, path: call.apiPath, fault: nil,
                occurrence: admission.occurrence, carriedAuthorization: carriedAuthorization)
        case .pass:
            fault = configuration.faults.fault(
                method: call.method, arguments: call.arguments,
                parameters: Dictionary(call.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
                apiPath: call.apiPath, occurrence: admission.occurrence, seed: configuration.seed)
        }
        var response: APIResponse
        switch fault {
        case .maintenance?:
            response = .error(409, TestRailMessages.maintenance)
        case .briefMaintenance(let seconds)?:
            response = .error(409, TestRailMessages.maintenance, headers: [("Retry-After", String(seconds))])
        case .serverError(let status)?:
            response = .error(status, TestRailMessages.internalError)
        case .htmlPage?:
            response = APIResponse(
                status: 200, body: Data(TestRailPages.login.utf8), contentType: "text/html; charset=UTF-8")
        case .rateLimit(let seconds)?:
            let limit = configuration.rateLimitPerMinute ?? 0
            response = .error(
                429, TestRailMessages.rateLimited(limit: limit, retryAfter: seconds),
                headers: [("Retry-After", String(seconds))])
        default:
            let caller = APICaller(
                email: account.email, isAdmin: account.isAdmin,
                sentBetaHeader: apiIdent?.trimmingCharacters(in: .whitespaces).lowercased() == "beta")
            response =
                httpMethod.uppercased() == "GET"
                ? router.respond(to: call, from: caller) : .error(403, TestRailMessages.readOnly)
        }
        var tampered = false
        if let hostile, case .tamperNextLinks(let target) = hostile.behaviour, fault == nil {
            let body = HostileMode.tampering(response.body, toward: target)
            tampered = body != response.body
            response.body = body
        }
        return await finish(
            response, sequence: admission.sequence, arrived: arrived, method: call.method, path: call.apiPath,
            fault: fault, occurrence: admission.occurrence, apiIdent: apiIdent,
            faultName: tampered ? hostile?.logName : nil, carriedAuthorization: carriedAuthorization)
    }

    /// The request log so far, in arrival order.
    public func requestLog() async -> [RequestLogEntry] {
        await state.log()
    }

    /// Forces maintenance on or off; nil returns to the configured windows.
    public func setMaintenance(_ on: Bool?) async {
        await state.setMaintenance(on)
    }

    /// The user whose HTTP Basic credentials `header` carries, if they are right.
    private func authenticatedUser(_ header: String?) -> SimulatorConfiguration.User? {
        guard let header, header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        let user = text[..<colon].lowercased()
        let key = String(text[text.index(after: colon)...])
        guard let account = accounts[user], account.key == key else { return nil }
        return account
    }

    /// Waits out the simulated latency, logs the request and shapes the reply for the wire.
    func finish(
        _ response: APIResponse, sequence: Int, arrived: Duration, method: String, path: String, fault: Fault?,
        occurrence: Int, apiIdent: String? = nil, faultName: String? = nil, carriedAuthorization: Bool,
        delivery hostileDelivery: Reply.Delivery? = nil
    ) async -> Reply {
        let latency = latency(for: path, occurrence: occurrence)
        if latency > .zero {
            try? await Task.sleep(for: latency)
        }
        var delivery = hostileDelivery ?? Reply.Delivery.whole
        var body = response.body
        if configuration.authenticationBanner && response.status == 200 {
            body = Self.authenticationBanner + body
        }
        switch fault {
        case .truncateBody?:
            delivery = .truncated
            body = body.prefix(body.count / 2)
        case .dropConnection?:
            delivery = .dropped
        default:
            break
        }
        await state.record(
            RequestLogEntry(
                sequence: sequence, arrivedMilliseconds: Self.milliseconds(arrived), method: method, path: path,
                status: response.status, items: response.items, bytes: Self.bytes(of: body, delivery: delivery),
                fault: faultName ?? fault?.description, latencyMilliseconds: Self.milliseconds(latency),
                apiIdent: apiIdent, carriedAuthorization: carriedAuthorization ? true : nil))
        return Reply(
            status: response.status, headers: response.headers, body: body, contentType: response.contentType,
            delivery: delivery)
    }

    /// The bytes a reply puts on the wire (or promises, for streamed ones).
    static func bytes(of body: Data, delivery: Reply.Delivery) -> Int {
        switch delivery {
        case .trickled(let length, _): return length
        case .oversized(let length): return length
        case .whole, .truncated, .dropped: return body.count
        }
    }

    private func latency(for path: String, occurrence: Int) -> Duration {
        guard configuration.jitter > .zero else { return configuration.latency }
        let roll = SeededRandom.unit(seed: configuration.seed &+ 1, key: "\(path)#\(occurrence)")
        let offset = configuration.jitter * (roll * 2 - 1)
        return max(.zero, configuration.latency + offset)
    }

    /// What some legacy servers wrote before every successful body (gurock/trcli strips it).
    static let authenticationBanner = Data("USER AUTHENTICATION SUCCESSFUL!\n".utf8)

    static func milliseconds(_ duration: Duration) -> Double {
        let components = duration.components
        return (Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15).rounded() / 1
    }
}
