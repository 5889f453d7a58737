import Foundation

/// Runs a call that blocks its thread (a FIFO's open, a pipe read to its end, `waitUntilExit`) on a thread of its
/// own, so it never holds one of the few threads of Swift's cooperative pool: on a two-core machine two blocked pool
/// threads stall every other test's timers and servers in the same process.
enum BlockingCall {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
