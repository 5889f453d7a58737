import Foundation

/// One API v2 call: a method, its path arguments and its parameters, in the order TestRail prints them.
///
/// TestRail puts the whole call in the query string (`index.php?/api/v2/get_cases/1&suite_id=2`), and its
/// `_links.next` is that path relative to the API root; both directions go through this type.
public struct TestRailEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    public var arguments: [Int]
    public var parameters: [Parameter]

    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, arguments: [Int] = [], parameters: [Parameter] = []) {
        self.method = method
        self.arguments = arguments
        self.parameters = parameters
    }

    /// Parses an API path such as a `_links.next` value: `/api/v2/get_cases/1&suite_id=2&limit=250&offset=250`.
    public init(apiPath: String) throws {
        var text = apiPath
        if text.hasPrefix("index.php?") { text.removeFirst("index.php?".count) }
        if text.hasPrefix("/") { text.removeFirst() }
        guard text.hasPrefix("api/v2/") else {
            throw TestRailError.malformedResponse("a pagination link does not start with /api/v2/: \(apiPath)")
        }
        text.removeFirst("api/v2/".count)
        let pieces = text.split(separator: "&", omittingEmptySubsequences: true)
        guard let head = pieces.first else {
            throw TestRailError.malformedResponse("a pagination link names no method: \(apiPath)")
        }
        let segments = head.split(separator: "/")
        method = String(segments[0])
        var arguments: [Int] = []
        for segment in segments.dropFirst() {
            guard let value = Int(segment) else {
                throw TestRailError.malformedResponse("a pagination link has a non-numeric id: \(apiPath)")
            }
            arguments.append(value)
        }
        self.arguments = arguments
        parameters = pieces.dropFirst().map { piece in
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]).removingPercentEncoding ?? String(pair[0])
            let raw = pair.count > 1 ? String(pair[1]) : ""
            return Parameter(name, raw.removingPercentEncoding ?? raw)
        }
    }

    /// The path TestRail expects after `index.php?`.
    public var apiPath: String {
        var path = "/api/v2/" + method
        for argument in arguments { path += "/\(argument)" }
        for parameter in parameters {
            path += "&" + Self.escape(parameter.name) + "=" + Self.escape(parameter.value)
        }
        return path
    }

    /// The call without the API prefix, for messages and logs (`get_cases/1&suite_id=2`).
    public var description: String { String(apiPath.dropFirst("/api/v2/".count)) }

    /// A `_links.next` value as a call. Some servers write `limit=0` into it, which TestRail then refuses with a
    /// 400: a zero (or missing) limit becomes the page size the list is served in.
    public static func nextPage(apiPath: String) throws -> TestRailEndpoint {
        let link = try TestRailEndpoint(apiPath: apiPath)
        guard let limit = link.parameter("limit"), let value = Int(limit), value > 0 else {
            return link.setting("limit", to: String(maximumPageSize))
        }
        return link
    }

    /// The value of a parameter, if present.
    public func parameter(_ name: String) -> String? {
        parameters.last(where: { $0.name == name })?.value
    }

    /// A copy with `name` set to `value`, replacing any earlier value.
    public func setting(_ name: String, to value: String) -> TestRailEndpoint {
        var copy = self
        if let index = copy.parameters.firstIndex(where: { $0.name == name }) {
            copy.parameters[index].value = value
        } else {
            copy.parameters.append(Parameter(name, value))
        }
        return copy
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+#?")
        return set
    }()

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestRailEndpoint {
    /// The most items TestRail returns in one page, and its default.
    public static let maximumPageSize = 250

    static func paged(_ method: String, _ arguments: [Int], _ filters: [Parameter], offset: Int?, limit: Int?)
        -> TestRailEndpoint
    {
        var parameters = filters
        if let limit { parameters.append(Parameter("limit", String(limit))) }
        if let offset { parameters.append(Parameter("offset", String(offset))) }
        return TestRailEndpoint(method: method, arguments: arguments, parameters: parameters)
    }

    public static func getProjects(offset: Int? = nil, limit: Int? = nil) -> TestRailEndpoint {
        paged("get_projects", [], [], offset: offset, limit: limit)
    }

    public static func getProject(_ projectID: Int) -> TestRailEndpoint {
        TestRailEndpoint(method: "get_project", arguments: [projectID])
    }

    /// A bare array before TestRail 9.3.1, an envelope (`suites`) since.
    public static func getSuites(projectID: Int, offset: Int? = nil, limit: Int? = nil) -> TestRailEndpoint {
        paged("get_suites", [projectID], [], offset: offset, limit: limit)
    }

    public static func getSuite(_ suiteID: Int) -> TestRailEndpoint {
        TestRailEndpoint(method: "get_suite", arguments: [suiteID])
    }

    public static func getSections(projectID: Int, suiteID: Int?, offset: Int? = nil, limit: Int? = nil)
        -> TestRailEndpoint
    {
        let filters = suiteID.map { [Parameter("suite_id", String($0))] } ?? []
        return paged("get_sections", [projectID], filters, offset: offset, limit: limit)
    }

    public static func getCases(projectID: Int, suiteID: Int?, offset: Int? = nil, limit: Int? = nil)
        -> TestRailEndpoint
    {
        let filters = suiteID.map { [Parameter("suite_id", String($0))] } ?? []
        return paged("get_cases", [projectID], filters, offset: offset, limit: limit)
    }

    public static func getCase(_ caseID: Int) -> TestRailEndpoint {
        TestRailEndpoint(method: "get_case", arguments: [caseID])
    }

    /// A bare array of every custom case field and its per-project configurations.
    public static let getCaseFields = TestRailEndpoint(method: "get_case_fields")

    /// The templates enabled for a project: a bare array (TestRail 5.2+).
    public static func getTemplates(projectID: Int) -> TestRailEndpoint {
        TestRailEndpoint(method: "get_templates", arguments: [projectID])
    }

    /// Every user (administrators only), or with `projectID` the users with access to the project (anyone);
    /// a bare array on older servers, an envelope (`users`) on newer ones.
    public static func getUsers(projectID: Int? = nil, offset: Int? = nil, limit: Int? = nil) -> TestRailEndpoint {
        paged("get_users", projectID.map { [$0] } ?? [], [], offset: offset, limit: limit)
    }

    /// A project's milestones, sub-milestones included (flat, with `parent_id`); envelope `milestones`.
    public static func getMilestones(projectID: Int, offset: Int? = nil, limit: Int? = nil) -> TestRailEndpoint {
        paged("get_milestones", [projectID], [], offset: offset, limit: limit)
    }

    /// A project's shared step sets (TestRail 7.0+); envelope `shared_steps`.
    public static func getSharedSteps(projectID: Int, offset: Int? = nil, limit: Int? = nil) -> TestRailEndpoint {
        paged("get_shared_steps", [projectID], [], offset: offset, limit: limit)
    }
    public static let getCaseTypes = TestRailEndpoint(method: "get_case_types")
    public static let getPriorities = TestRailEndpoint(method: "get_priorities")
}
