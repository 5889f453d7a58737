import Foundation
import TestRailAPI

/// Where a unit's answer comes from: the page cache when it holds a fresh copy, else the server (through the
/// ``RequestExecutor``); every page fetched is decoded here (``UnitPayload/decoding(_:for:)``) and handed to the
/// cache, whose background writer saves it. A page travels one way: transport → executor → source → decode → planner and
/// aggregator.
struct PageSource: Sendable {
    let executor: RequestExecutor
    let cache: PageCache?
    let instance: String

    /// The unit's answer: a fresh stored copy, else the server's (the executor waits for a permit).
    func fetch(_ send: DispatchState.Send) async -> PageAnswer {
        if send.attempt == 1, let answer = await fromCache(send.unit) {
            return answer
        }
        return await request(send, admitted: nil)
    }

    /// Waits for the circuit breaker and a rate-limit permit, before any unit is chosen to go under it.
    func admit() async -> PageAnswer {
        .permit(try? await executor.admit())
    }

    /// Sends the unit under a permit already granted; a unit the cache answers after all gives the permit back.
    func send(_ send: DispatchState.Send, under permit: RateLimiter.Permit) async -> PageAnswer {
        if send.attempt == 1, let answer = await fromCache(send.unit) {
            await executor.giveBack(permit)
            return answer
        }
        return await request(send, admitted: permit)
    }

    /// A fresh stored copy (counted as a hit or a miss), or, offline, the news that there is none.
    private func fromCache(_ unit: WorkUnit) async -> PageAnswer? {
        guard let cache else { return nil }
        let key = PageKey(unit, instance: instance)
        if let payload = await cache.lookup(key) {
            return .stored(unit, payload)
        }
        return cache.policy.offline ? .missing(unit) : nil
    }

    private func request(_ send: DispatchState.Send, admitted permit: RateLimiter.Permit?) async -> PageAnswer {
        let unit = send.unit
        do {
            let answer = try await executor.perform(
                unit.endpoint, unit: unit.label, firstAttempt: send.attempt, priorFailures: send.failures,
                admitted: permit)
            return .fetched(
                DispatchState.Send(unit: unit, attempt: answer.attempt, failures: answer.failures), answer.data,
                latency: answer.latency)
        } catch let error as TestRailError {
            return .failed(unit, error)
        } catch {
            return .failed(unit, .cancelled)
        }
    }

    /// Decodes a body (its `next` link checked against the unit's call, any error scrubbed of the credentials) and,
    /// when it is whole, hands it to the cache to save (queued for the background writer: the planner does not wait
    /// on the disk).
    func decode(_ send: DispatchState.Send, _ data: Data) async -> PageAnswer {
        let unit = send.unit
        let result = UnitPayload.decoding(data, for: unit).mapError { $0.scrubbed(by: executor.client.scrubber) }
        if let cache, case .success(let payload) = result {
            await cache.save(payload, for: PageKey(unit, instance: instance))
        }
        return .decoded(send, result)
    }
}
