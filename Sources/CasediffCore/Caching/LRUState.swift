import OrderedCollections

/// A bounded least-recently-used map: the in-memory level in front of the store.
///
/// | capacity | operations                     | holds after |
/// |----------|--------------------------------|-------------|
/// | 2        | put a, put b, get a, put c     | a, c        |
/// | 0        | put a                          | nothing     |
struct LRUState<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    private var entries: OrderedDictionary<Key, Value> = [:]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    var count: Int { entries.count }

    /// The value, now the most recently used.
    mutating func get(_ key: Key) -> Value? {
        guard let value = entries.removeValue(forKey: key) else { return nil }
        entries[key] = value
        return value
    }

    mutating func put(_ key: Key, _ value: Value) {
        guard capacity > 0 else { return }
        entries.removeValue(forKey: key)
        entries[key] = value
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
        }
    }
}
