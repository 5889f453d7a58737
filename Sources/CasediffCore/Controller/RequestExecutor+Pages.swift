import TestRailAPI

extension RequestExecutor {
    /// Every page of a list, through the one pagination follower (``Page/follow(from:_:)``), each page sent under
    /// the executor's limiter, breaker and retries and named in the request log by `name(offset)`. A body cut short
    /// is sent again within the policy's attempts; any error is scrubbed of the credentials.
    func pages<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, itemsKey: String, name: (_ offset: Int) -> String
    ) async throws -> [Page<Item>] {
        try await Page<Item>.follow(from: endpoint) { call in
            let name = name(call.parameter("offset").flatMap { Int($0) } ?? 0)
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
