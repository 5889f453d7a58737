/// What `--generate` builds: project pairs whose right side is a drifted copy of the left.
public struct GeneratorSpec: Sendable, Hashable {
    public var seed: UInt64
    /// How many (left, right) project pairs.
    public var pairs: Int
    /// Suites over one pair: the left project gets ⌈suites ÷ 2⌉, the right a drifted copy of all but its last.
    public var suites: Int
    /// Cases over one pair, spread over the suites with Zipf-like sizes.
    public var cases: Int
    public var sectionsPerSuite: Int
    /// The Zipf exponent of suite sizes: 0 gives equal suites, 1 a few large ones and a long tail.
    public var skew: Double
    /// The share of the right project's cases that are changed, removed or added.
    public var drift: Double
    public var suiteMode: Int

    public init(
        seed: UInt64 = 1, pairs: Int = 1, suites: Int = 31, cases: Int = 36_000, sectionsPerSuite: Int = 8,
        skew: Double = 1.0, drift: Double = 0.02, suiteMode: Int = 3
    ) {
        self.seed = seed
        self.pairs = pairs
        self.suites = suites
        self.cases = cases
        self.sectionsPerSuite = sectionsPerSuite
        self.skew = skew
        self.drift = drift
        self.suiteMode = suiteMode
    }
}
