import TestRailAPI

/// A suite whose every page is in: the suite and the offsets of the pages on its two chains, in chain order — all
/// the aggregator needs to put it together.
struct SuiteCompletion: Sendable, Hashable {
    var key: SuiteKey
    var suite: Suite
    var sectionOffsets: [Int]
    var caseOffsets: [Int]
}
