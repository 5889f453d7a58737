import Synchronization

/// Wakes ``PageCache``'s background writer: rung by every save, closed when the writer is to write what is left
/// and stop. Its wait ignores cancellation, so an interrupted run still writes every page it fetched.
///
/// | calls                        | ``wait()`` returns                 |
/// |------------------------------|------------------------------------|
/// | ring                         | true at once                       |
/// | ring, ring                   | true once (rings coalesce)         |
/// | nothing yet                  | true when rung, false when closed  |
/// | close                        | false                              |
/// | ring, close                  | true, then false                   |
final class WriterDoorbell: Sendable {
    private struct State {
        var rung = false
        var closed = false
        var waiter: CheckedContinuation<Bool, Never>?
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: true)
    }

    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: false)
    }

    /// True once rung since the last wait; false once closed with nothing rung.
    func wait() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let now = state.withLock { state -> Bool? in
                if state.rung {
                    state.rung = false
                    return true
                }
                if state.closed { return false }
                state.waiter = continuation
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
    }
}
