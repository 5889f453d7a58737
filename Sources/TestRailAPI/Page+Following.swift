extension Page {
    /// Every page of a list, from `first` to its end: the one pagination follower (``TestRailClient/all(_:itemsKey:as:onPage:)``
    /// and casediff's request executor both walk lists through it). `fetch` sends one call and decodes its page
    /// with the call as `requested`.
    ///
    /// It follows `_links.next` until there is none; a legacy bare array is one page. No loop is possible: decoding
    /// refuses a link that leaves the list (``TestRailEndpoint/nextPage(apiPath:after:)``) or does not move forward
    /// by at most one page (``checkContinuity(after:)``).
    public static func follow(
        from first: TestRailEndpoint, _ fetch: (TestRailEndpoint) async throws -> Page<Item>
    ) async throws -> [Page<Item>] {
        var pages: [Page<Item>] = []
        var call: TestRailEndpoint? = first
        while let endpoint = call {
            let page = try await fetch(endpoint)
            pages.append(page)
            call = page.next
        }
        return pages
    }
}
