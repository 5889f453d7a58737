import Dispatch
import Foundation
import Synchronization

/// Runs an operation that SIGINT or SIGTERM cancels, so Ctrl-C ends a run promptly with one clear line.
///
/// The first signal cancels the operation (which then reports what it had fetched); a second one exits at once. Either
/// way the exit code is 128 + the signal's number, as shells expect: 130 for Ctrl-C, 143 for SIGTERM.
enum Interrupts {
    /// The first signal received, 0 before any.
    private static let received = Atomic<Int32>(0)

    /// The exit code for a cancelled run: 128 + the signal's number; 2 (an error) when no signal came, since a
    /// cancellation nobody asked for must not read as a user's Ctrl-C.
    static var exitCode: Int32 {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? 2 : 128 + number
    }

    static func cancellingOnSignals<Value: Sendable>(
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let task = Task { try await operation() }
        let signals = [SIGINT, SIGTERM]
        let sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let state = SignalCount()
            source.setEventHandler {
                _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
                if state.increment() > 1 { Foundation.exit(exitCode) }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}

/// Counts signals across the handler's invocations (a dispatch source runs its handler serially).
private final class SignalCount: @unchecked Sendable {
    private var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
}
