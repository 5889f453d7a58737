import Foundation
import TestRailAPI

/// Where a unit's answer comes from: the page cache when it holds a fresh copy, else the server (through the
/// ``RequestExecutor``); every page fetched is decoded here (``UnitPayload/decoding(_:for:)``) and handed to the
/// cache, which saves it at once. A page travels one way: transport → executor → source → decode → planner and
/// aggregator.
struct PageSource: Sendable {
    let executor: RequestExecutor
    let cache: PageCache?
    let instance: String

    /// - Parameter failures: failures this unit has had before (bodies cut short), counted toward its attempts.
    func fetch(_ unit: WorkUnit, attempt: Int, failures: Int = 0) async -> PageAnswer {
        if let cache, attempt == 1 {
            let key = PageKey(unit, instance: instance)
            if let payload = await cache.lookup(key) {
                return .stored(unit, payload)
            }
            if cache.policy.offline {
                return .missing(unit)
            }
        }
        do {
            let answer = try await executor.perform(
                unit.endpoint, unit: unit.label, firstAttempt: attempt, priorFailures: failures)
            return .fetched(
                unit, answer.data, latency: answer.latency, attempt: answer.attempt, failures: answer.failures)
        } catch let error as TestRailError {
            return .failed(unit, error)
        } catch {
            return .failed(unit, .cancelled)
        }
    }

    /// Decodes a body (its `next` link checked against the unit's call, any error scrubbed of the credentials) and,
    /// when it is whole, saves it (its own transaction) before the planner sees it.
    func decode(_ unit: WorkUnit, _ data: Data, attempt: Int, failures: Int) async -> PageAnswer {
        let result = UnitPayload.decoding(data, for: unit).mapError { $0.scrubbed(by: executor.client.scrubber) }
        if let cache, case .success(let payload) = result {
            await cache.save(payload, for: PageKey(unit, instance: instance))
        }
        return .decoded(unit, result, attempt: attempt, failures: failures)
    }
}
