import Foundation
import TestRailAPI

/// What the ``PageSource`` answers for a unit, step by step: a permit to send under, a response body (to decode
/// next, off the request slot), a stored page, a page the store lacks (`--offline`), a final failure, or a decoded
/// page.
enum PageAnswer: Sendable {
    /// The permit awaited (``DispatchState/Action/awaitPermit``); nil when the wait was cancelled.
    case permit(RateLimiter.Permit?)
    case fetched(DispatchState.Send, Data, latency: Duration)
    case stored(WorkUnit, UnitPayload)
    case missing(WorkUnit)
    case failed(WorkUnit, TestRailError)
    case decoded(DispatchState.Send, Result<UnitPayload, TestRailError>)
}
