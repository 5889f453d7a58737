import Foundation
import TestRailAPI

/// The instance's current data behind a lock: requests read it concurrently, ``SimulatorCore/replaceDataset(_:)``
/// swaps it whole.
final class RouterBox: @unchecked Sendable {
    private let lock = NSLock()
    private var router: APIRouter

    init(_ router: APIRouter) {
        self.router = router
    }

    var current: APIRouter {
        get { lock.withLock { router } }
        set { lock.withLock { router = newValue } }
    }
}
