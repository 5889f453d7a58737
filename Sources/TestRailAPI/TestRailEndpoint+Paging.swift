extension TestRailEndpoint {
    /// Whether the call only reads (`get_*`): the only calls casediff sends.
    public var isRead: Bool { method.hasPrefix("get_") }

    /// The call without `offset` and `limit`: the list itself, whichever page.
    public var list: TestRailEndpoint {
        var copy = self
        copy.parameters.removeAll { $0.name == "offset" || $0.name == "limit" }
        return copy
    }

    /// Whether `self` is a page of the same list as `other`: the same method, arguments and other parameters; only
    /// `offset` and `limit` may differ (in any order).
    public func isPage(of other: TestRailEndpoint) -> Bool {
        let mine = list
        let theirs = other.list
        func sorted(_ parameters: [Parameter]) -> [Parameter] {
            parameters.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
        }
        return mine.method == theirs.method && mine.arguments == theirs.arguments
            && sorted(mine.parameters) == sorted(theirs.parameters)
    }

    /// A `_links.next` value of the answer to `requested`, refused unless it only moves through the same list: a
    /// link may change `offset` and `limit`, never the method, the project, the suite or a filter (a server must not
    /// steer casediff into another list, or into a call that is not a read).
    ///
    /// | requested                    | link                                   | result    |
    /// |------------------------------|----------------------------------------|-----------|
    /// | `get_cases/1&suite_id=2`     | `/api/v2/get_cases/1&suite_id=2&offset=250` | followed |
    /// | `get_cases/1&suite_id=2`     | `/api/v2/get_cases/2&suite_id=21&offset=250` | refused |
    /// | `get_cases/1&suite_id=2`     | `/api/v2/delete_case/10000`            | refused   |
    /// | `get_cases/1`                | `http://other/api/v2/get_cases/1&offset=250` | refused |
    public static func nextPage(apiPath: String, after requested: TestRailEndpoint) throws -> TestRailEndpoint {
        let link: TestRailEndpoint
        do {
            link = try nextPage(apiPath: apiPath)
        } catch {
            throw leaving(apiPath, requested)
        }
        let offset = link.parameter("offset")
        guard link.isPage(of: requested), offset.map({ (Int($0) ?? -1) >= 0 }) ?? true else {
            throw leaving(apiPath, requested)
        }
        return link
    }

    private static func leaving(_ apiPath: String, _ requested: TestRailEndpoint) -> TestRailError {
        let shown = apiPath.count > 200 ? String(apiPath.prefix(200)) + "…" : apiPath
        return .malformedResponse(
            "the next link '\(shown)' leaves the list \(requested.list); only offset and limit may change")
    }
}
