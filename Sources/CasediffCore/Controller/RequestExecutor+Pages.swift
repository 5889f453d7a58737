import TestRailAPI

extension RequestExecutor {
    /// Every page of a list, following `_links.next` until it ends (each link moves forward: a link that skips or goes
    /// back is an error, ``Page/checkContinuity(after:)``); a legacy bare array is one page.
    /// Each page is named `<unit>/o<offset>` in the request log; a link that leaves the list is an error
    /// (``TestRailEndpoint/nextPage(apiPath:after:)``), and a body cut short is sent again within the policy's
    /// attempts.
    func pages<Item: Decodable & Sendable>(_ endpoint: TestRailEndpoint, itemsKey: String, unit: String)
        async throws -> [Page<Item>]
    {
        var pages: [Page<Item>] = []
        var call: TestRailEndpoint? = endpoint
        while let endpoint = call {
            let name = "\(unit)/o\(endpoint.parameter("offset") ?? "0")"
            var answer = try await perform(endpoint, unit: name)
            var page: Page<Item>
            while true {
                do {
                    page = try Page<Item>.decode(answer.data, itemsKey: itemsKey, requested: endpoint)
                    break
                } catch let error as TestRailError {
                    let failures = answer.failures + 1
                    guard error.isRetryable, failures < policy.maxAttempts else {
                        throw error.scrubbed(by: client.scrubber)
                    }
                    await metrics.retried()
                    answer = try await perform(
                        endpoint, unit: name, firstAttempt: answer.attempt + 1, priorFailures: failures)
                }
            }
            pages.append(page)
            call = page.next
        }
        return pages
    }
}
