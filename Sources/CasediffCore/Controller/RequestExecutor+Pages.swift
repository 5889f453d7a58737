import TestRailAPI

extension RequestExecutor {
    /// Every page of a list, following `_links.next` until it ends (or loops back); a legacy bare array is one page.
    /// Each page is named `<unit>/o<offset>` in the request log.
    func pages<Item: Decodable & Sendable>(_ endpoint: TestRailEndpoint, itemsKey: String, unit: String)
        async throws -> [Page<Item>]
    {
        var pages: [Page<Item>] = []
        var call: TestRailEndpoint? = endpoint
        var seen: Set<String> = []
        while let endpoint = call, seen.insert(endpoint.apiPath).inserted {
            let data = try await perform(endpoint, unit: "\(unit)/o\(endpoint.parameter("offset") ?? "0")").data
            let page = try Page<Item>.decode(data, itemsKey: itemsKey)
            pages.append(page)
            call = page.next
        }
        return pages
    }
}
