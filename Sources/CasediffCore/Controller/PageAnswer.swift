import Foundation
import TestRailAPI

/// What the ``PageSource`` answers for a unit, step by step: a response body (to decode next, off the request
/// slot), a stored page, a page the store lacks (`--offline`), a final failure, or a decoded page.
enum PageAnswer: Sendable {
    case fetched(WorkUnit, Data, latency: Duration, attempt: Int, failures: Int)
    case stored(WorkUnit, UnitPayload)
    case missing(WorkUnit)
    case failed(WorkUnit, TestRailError)
    case decoded(WorkUnit, Result<UnitPayload, TestRailError>, attempt: Int, failures: Int)
}
