import HeapModule

/// The one global queue of units for both projects: a max-heap, so the longest chains and then the largest
/// remaining suites are served first, and the run does not end waiting on one long suite (``QueuedUnit``).
struct WorkQueue: Sendable {
    private var heap = Heap<QueuedUnit>()
    private var sequence = 0

    mutating func push(_ unit: WorkUnit, rank: QueuedUnit.Rank, chain: Int = 0, weight: Int) {
        sequence += 1
        heap.insert(QueuedUnit(unit: unit, rank: rank, chain: chain, weight: weight, sequence: sequence))
    }

    /// The unit ``pop()`` would return, left in place.
    var first: WorkUnit? { heap.max?.unit }

    var isEmpty: Bool { heap.isEmpty }

    mutating func pop() -> WorkUnit? {
        heap.popMax()?.unit
    }
}
