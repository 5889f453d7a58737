import Dispatch
import Foundation

/// Runs an operation that SIGINT or SIGTERM cancels, so Ctrl-C ends a run promptly with one clear line.
///
/// The first signal cancels the operation (which then reports what it had fetched); a second one exits at once.
enum Interrupts {
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
                if state.increment() > 1 { Foundation.exit(130) }
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
