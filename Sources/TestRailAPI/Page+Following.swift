extension Page {
    /// Every page of a list, from `first` to its end: the one pagination follower (`TestRailClient.all` and
    /// casediff's request executor both walk lists through it). `fetch` sends one call and decodes its page.
    ///
    /// It follows `_links.next` until there is none; a legacy bare array is one page. No loop is possible: each
    /// page must answer its call without going back or skipping past one page (``checkContinuity(after:)``), and a
    /// link that leaves the list is refused as it is decoded (``TestRailEndpoint/nextPage(apiPath:after:)``).
    public static func follow(
        from first: TestRailEndpoint, _ fetch: (TestRailEndpoint) async throws -> Page<Item>
    ) async throws -> [Page<Item>] {
        var pages: [Page<Item>] = []
        var call: TestRailEndpoint? = first
        while let endpoint = call {
            let page = try await fetch(endpoint)
            try page.checkContinuity(after: endpoint)
            pages.append(page)
            call = page.next
        }
        return pages
    }
}
