import Synchronization

@testable import CasediffCore

/// Virtual time for the engine (``EngineClock``): `now` moves only when the clock is advanced, and `sleep(until:)`
/// suspends until the clock reaches the deadline or the task is cancelled. Nothing really sleeps.
///
/// ``VirtualTimeExecutor`` advances it whenever every task is waiting, so a whole fetch runs in no real time.
final class ManualClock: EngineClock, Sendable {
    private struct Sleeper {
        var id: Int
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Duration = .zero
        var sleepers: [Sleeper] = []
        var nextID = 0
        /// Sleeps cancelled before they were registered.
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    var now: Duration { state.withLock { $0.now } }

    /// The earliest deadline anyone sleeps until; nil when nobody sleeps.
    var nextDeadline: Duration? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    func sleep(until deadline: Duration) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let now = state.withLock { state -> Result<Void, any Error>? in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let now { continuation.resume(with: now) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `instant` (never back) and wakes every sleeper whose deadline has come, earliest first.
    func advance(to instant: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = max(state.now, instant)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    func advance(by duration: Duration) {
        advance(to: now + duration)
    }
}
