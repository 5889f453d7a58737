import Foundation

/// Runs an async body on virtual time, deterministically: every job of the body's tasks — child tasks, and the
/// default actors they call — runs on one thread of this executor (a task executor preference), and whenever
/// that thread has nothing left to run, every task is waiting on the ``ManualClock``, which then jumps to the
/// earliest deadline. A fetch that takes minutes of virtual time runs in milliseconds, in the same order every
/// time.
///
/// Only what runs on this executor is seen: the body must not wait on anything outside it but the clock (the
/// network is an in-memory transport that sleeps on the clock). A body that waits for something else stalls;
/// after ten real seconds with nothing to run and nobody asleep it is cancelled, so the test fails instead of
/// hanging.
final class VirtualTimeExecutor: TaskExecutor, @unchecked Sendable {
    let clock: ManualClock
    /// Cancel the body once the clock would pass this instant (at exactly this instant).
    let cancelAt: Duration?
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false
    /// The body has returned or thrown: nothing can stall any more.
    private var ended = false
    private var cancelBody: (@Sendable () -> Void)?
    private var cancelled = false
    /// The body was cancelled because it waited for something other than the clock.
    private(set) var stalled = false

    init(clock: ManualClock, cancelAt: Duration? = nil) {
        self.clock = clock
        self.cancelAt = cancelAt
    }

    /// Runs `body` to its end on virtual time.
    static func run<Value: Sendable>(
        clock: ManualClock, cancelAt: Duration? = nil, _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let executor = VirtualTimeExecutor(clock: clock, cancelAt: cancelAt)
        let task = Task(executorPreference: executor) {
            defer { executor.bodyEnded() }
            return try await body()
        }
        executor.start { task.cancel() }
        let result = await task.result
        executor.shutdown()
        if executor.stalled { throw VirtualTimeStall() }
        return try result.get()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func start(cancelling: @escaping @Sendable () -> Void) {
        condition.lock()
        cancelBody = cancelling
        condition.unlock()
        let thread = Thread { [self] in loop() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func bodyEnded() {
        condition.lock()
        ended = true
        condition.unlock()
    }

    private func shutdown() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            if let job = jobs.first {
                jobs.removeFirst()
                condition.unlock()
                job.runSynchronously(on: asUnownedTaskExecutor())
                continue
            }
            if finished {
                condition.unlock()
                return
            }
            condition.unlock()
            // Nothing to run: every task waits. Time moves to the next deadline, or the body is cancelled at
            // `cancelAt`.
            if let next = clock.nextDeadline {
                if let cancelAt, !cancelled, next > cancelAt {
                    clock.advance(to: cancelAt)
                    cancelled = true
                    cancelNow()
                } else {
                    clock.advance(to: next)
                }
                continue
            }
            condition.lock()
            if ended {
                while jobs.isEmpty, !finished { condition.wait() }
                condition.unlock()
                continue
            }
            if jobs.isEmpty, !finished, !condition.wait(until: Date().addingTimeInterval(10)), jobs.isEmpty,
                !finished, !ended
            {
                stalled = true
                condition.unlock()
                cancelNow()
                continue
            }
            condition.unlock()
        }
    }

    private func cancelNow() {
        condition.lock()
        let cancel = cancelBody
        condition.unlock()
        cancel?()
    }
}

/// The body waited for something other than the clock.
struct VirtualTimeStall: Error, CustomStringConvertible {
    var description: String { "the body waited for something other than the virtual clock" }
}
