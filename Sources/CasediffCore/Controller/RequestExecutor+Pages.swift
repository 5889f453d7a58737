import TestRailAPI

extension RequestExecutor {
    /// Every page of the list `key` names, through the one pagination follower (``Page/follow(from:_:)``), each page
    /// sent under the executor's limiter, breaker and retries and named in the request log by its key's label
    /// (``PageKey/label(marking:)``, with `qualifier` when the list is asked for a special way, as `delta`). A body
    /// cut short is sent again within the policy's attempts; any error is scrubbed of the credentials.
    func pages<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, key: PageKey, marking qualifier: String? = nil
    ) async throws -> [Page<Item>] {
        let itemsKey = key.resource.itemsKey
        return try await Page<Item>.follow(from: endpoint) { call in
            var page = key
            page.offset = call.parameter("offset").flatMap { Int($0) } ?? 0
            let name = page.label(marking: qualifier)
            var answer = try await perform(call, unit: name)
            while true {
                do {
                    return try Page<Item>.decode(answer.data, itemsKey: itemsKey, requested: call)
                } catch let error as TestRailError {
                    let failures = answer.failures + 1
                    guard error.isRetryable, failures < policy.maxAttempts else {
                        throw error.scrubbed(by: client.scrubber)
                    }
                    await metrics.retried()
                    answer = try await perform(
                        call, unit: name, firstAttempt: answer.attempt + 1, priorFailures: failures)
                }
            }
        }
    }
}
