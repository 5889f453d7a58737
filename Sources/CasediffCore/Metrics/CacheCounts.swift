/// How the cache answered: for the metrics line and the JSON diff's `run` block.
public struct CacheCounts: Sendable, Hashable {
    public var memoryHits = 0
    public var storeHits = 0
    public var misses = 0
    public var saved = 0

    public init() {}
}
