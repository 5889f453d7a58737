import Foundation

/// A TestRail API v2 client: builds URLs, authenticates, maps statuses to ``TestRailError`` and decodes envelopes.
///
/// It makes exactly one HTTP request per call and never retries; retrying and pacing are the engine's decisions.
/// It sends only reads (`get_*`), and every error it throws has the credentials scrubbed from the server's text.
public struct TestRailClient: Sendable {
    public let baseURL: TestRailBaseURL
    public let credentials: Credentials
    public var timeout: Duration
    /// The largest response body accepted, in bytes; a larger one is refused (not retried) before it fills memory.
    public var maximumResponseSize: Int
    /// Shared by every copy of this client: whether the instance has answered JSON (see ``InstanceHistory``).
    public let history: InstanceHistory
    /// Removes this client's credentials from server text: built once, used on every response body.
    public let scrubber: SecretScrubber
    let transport: any HTTPTransport
    let now: @Sendable () -> Date

    /// 64 MB: a page of 250 cases with long steps is a few MB.
    public static let defaultMaximumResponseSize = 64 << 20

    public init(
        baseURL: TestRailBaseURL, credentials: Credentials, transport: any HTTPTransport,
        timeout: Duration = .seconds(30), maximumResponseSize: Int = defaultMaximumResponseSize,
        history: InstanceHistory = InstanceHistory(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.transport = transport
        self.timeout = timeout
        self.maximumResponseSize = max(1, maximumResponseSize)
        self.history = history
        scrubber = SecretScrubber(credentials: [credentials])
        self.now = now
    }

    /// Sends one call and returns the body of a 2xx response; every other outcome throws ``TestRailError``, its
    /// text scrubbed of the credentials.
    public func data(for endpoint: TestRailEndpoint) async throws -> Data {
        do {
            return try await unscrubbedData(for: endpoint)
        } catch let error as TestRailError {
            throw error.scrubbed(by: scrubber)
        }
    }

    private func unscrubbedData(for endpoint: TestRailEndpoint) async throws -> Data {
        guard endpoint.isRead else { throw TestRailError.refusedMethod(endpoint.description) }
        let request = HTTPRequest(
            url: baseURL.url(for: endpoint),
            headers: [
                "Authorization": credentials.authorizationHeader,
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": "casediff",
                // Servers 6.7–7.2.0 paginate lists only when asked this way; later ones always do and ignore it.
                "x-api-ident": "beta",
            ],
            timeout: timeout,
            maximumBodySize: maximumResponseSize
        )
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch TestRailError.responseTooLarge(_, let limit) {
            throw TestRailError.responseTooLarge(call: endpoint.description, limit: limit)
        } catch let error as TestRailError {
            throw error
        } catch is CancellationError {
            throw TestRailError.cancelled
        } catch {
            throw TestRailError.connectionFailed(String(describing: error))
        }
        guard response.body.count <= maximumResponseSize else {
            throw TestRailError.responseTooLarge(call: endpoint.description, limit: maximumResponseSize)
        }
        if (200..<300).contains(response.status) {
            let body = Self.withoutBanner(response.body)
            switch JSONBody.opening(body) {
            case .json: history.recordJSON()
            case .html: throw TestRailError.htmlPage(bytes: body.count, transient: history.hasAnsweredJSON)
            case .other: break
            }
            // A server that echoes the credentials into its data: they go no further than here (not into the
            // store, a report or a log).
            return scrubber.scrub(body)
        }
        throw Self.error(for: response, now: now())
    }

    /// Some legacy servers start every answer with this line before the JSON.
    static let banner = Data("USER AUTHENTICATION SUCCESSFUL!".utf8)

    /// The body without a leading authentication banner (and the line break after it).
    static func withoutBanner(_ body: Data) -> Data {
        guard body.starts(with: banner) else { return body }
        var rest = body.dropFirst(banner.count)
        if rest.first == UInt8(ascii: "\r") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "\n") { rest = rest.dropFirst() }
        return Data(rest)
    }

    /// One page of a list endpoint (`get_projects`, `get_suites`, `get_sections`, `get_cases`); its `next` link is
    /// checked against `endpoint` (``TestRailEndpoint/nextPage(apiPath:after:)``).
    public func page<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, itemsKey: String, as: Item.Type = Item.self
    ) async throws -> Page<Item> {
        let body = try await data(for: endpoint)
        do {
            return try Page<Item>.decode(body, itemsKey: itemsKey, requested: endpoint)
        } catch let error as TestRailError {
            throw error.scrubbed(by: scrubber)
        }
    }

    /// Every item of a list endpoint, following `_links.next` to the end (``Page/follow(from:_:)``); `onPage` sees each
    /// page as it arrives.
    public func all<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, itemsKey: String, as: Item.Type = Item.self,
        onPage: (Page<Item>) -> Void = { _ in }
    ) async throws -> [Item] {
        let pages = try await Page<Item>.follow(from: endpoint) { call in
            let page: Page<Item> = try await self.page(call, itemsKey: itemsKey)
            onPage(page)
            return page
        }
        return pages.flatMap(\.items)
    }

    /// A single object (`get_project`, `get_suite`, `get_case`).
    public func object<Value: Decodable>(_ endpoint: TestRailEndpoint, as: Value.Type = Value.self) async throws
        -> Value
    {
        let body = try await data(for: endpoint)
        do {
            return try Self.decodeObject(body)
        } catch let error as TestRailError {
            throw error.scrubbed(by: scrubber)
        }
    }

    /// Decodes a single object's body, classifying failures as truncated, HTML or malformed.
    /// A body with bytes that are not UTF-8 is decoded with U+FFFD in their place.
    public static func decodeObject<Value: Decodable>(_ body: Data, as: Value.Type = Value.self) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: body)
        } catch {
            if let repaired = UTF8Repair.repaired(body),
                let value = try? JSONDecoder().decode(Value.self, from: repaired)
            {
                return value
            }
            throw JSONBody.classify(error, data: body)
        }
    }

    /// Maps a non-2xx response to its typed error, keeping the server's `{"error": "…"}` text.
    public static func error(for response: HTTPResponse, now: Date) -> TestRailError {
        let message = serverMessage(response.body, status: response.status)
        switch response.status {
        case 400: return .badRequest(message)
        case 401: return .unauthorized(message)
        case 403: return .forbidden(message)
        case 404: return .notFound(message)
        case 409: return .maintenance(message, retryAfter: RetryAfter.parse(response.headers["retry-after"], now: now))
        case 429: return .rateLimited(message, retryAfter: RetryAfter.parse(response.headers["retry-after"], now: now))
        case 300..<400 where response.headers["location"] != nil:
            // A transport that does not follow redirects hands them here; none is followed with the credentials.
            return .redirected(to: TestRailBaseURL.masked(response.headers["location"] ?? ""))
        case 500..<600: return .serverError(status: response.status, message: message)
        default: return .unexpectedStatus(response.status, message)
        }
    }

    /// The `error` text of TestRail's error body, or a short clean excerpt of whatever else came back.
    static func serverMessage(_ body: Data, status: Int) -> String {
        struct ErrorBody: Decodable { var error: String }
        if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: body) {
            return decoded.error
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.hasPrefix("<") {
            return "no error message in the response"
        }
        return text
    }
}

extension TestRailClient {
    public func projects() async throws -> [Project] {
        try await all(.getProjects(), itemsKey: "projects")
    }

    public func project(_ id: Int) async throws -> Project {
        try await object(.getProject(id))
    }

    public func suites(projectID: Int) async throws -> [Suite] {
        try await all(.getSuites(projectID: projectID), itemsKey: "suites")
    }

    public func sections(projectID: Int, suiteID: Int?) async throws -> [Section] {
        try await all(.getSections(projectID: projectID, suiteID: suiteID), itemsKey: "sections")
    }

    public func cases(projectID: Int, suiteID: Int?) async throws -> [TestCase] {
        try await all(.getCases(projectID: projectID, suiteID: suiteID), itemsKey: "cases")
    }

    public func caseTypes() async throws -> [CaseType] {
        try await object(.getCaseTypes)
    }

    public func priorities() async throws -> [Priority] {
        try await object(.getPriorities)
    }

    public func caseFields() async throws -> [CaseField] {
        try await object(.getCaseFields)
    }
}
