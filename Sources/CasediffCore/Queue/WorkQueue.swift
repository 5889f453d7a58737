import HeapModule

/// The one global queue of units for both projects: a max-heap, so the largest remaining suites are served first
/// and the run does not end waiting on one long suite.
struct WorkQueue: Sendable {
    private var heap = Heap<QueuedUnit>()
    private var sequence = 0

    mutating func push(_ unit: WorkUnit, rank: QueuedUnit.Rank, weight: Int) {
        sequence += 1
        heap.insert(QueuedUnit(unit: unit, rank: rank, weight: weight, sequence: sequence))
    }

    mutating func pop() -> WorkUnit? {
        heap.popMax()?.unit
    }
}
