import Dispatch

/// Runs independent pieces of CPU work on every core and collects their results in order.
///
/// The comparison of one suite never touches another's, so suites compare in parallel; the result does not
/// depend on which core ran what.
enum ParallelMap {
    /// Throws what `transform` throws (the first failure by index), and nothing when it cannot throw.
    static func map<Value: Sendable, Failure: Error>(
        _ count: Int, _ transform: @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        guard count > 1 else { return try (0..<count).map(transform) }
        let slots = Slots<Value, Failure>(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, Result { () throws(Failure) -> Value in try transform(index) })
        }
        return try slots.results().map { result throws(Failure) in try result.get() }
    }
}

/// One slot per iteration in memory of its own; each is written by exactly one iteration and read after all have
/// finished, so the writes never race (which is what makes the unchecked `Sendable` sound).
private final class Slots<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Result<Value, Failure>?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ index: Int, _ value: Result<Value, Failure>) {
        base[index] = value
    }

    func results() -> [Result<Value, Failure>] {
        (0..<count).map { base[$0]! }
    }
}
