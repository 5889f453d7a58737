import Foundation
import TestRailAPI

/// The cases of generated suites, made on request: a suite's position in TestRail's order maps to a case in a few
/// array reads and one short random stream, so an instance of a million cases serves pages without holding a record
/// per case.
///
/// What is kept per suite is only what cannot be computed from a position: the order TestRail lists the cases in
/// (by section, then display order; 4 bytes a case) and, for a drifted copy, which cases of its source survived
/// (4 bytes a case). Every case's content is ``GeneratedCase``'s, from (seed, suite, index); ``DatasetGenerator``
/// builds this layout, and its eager `make()` turns the same cases into records.
public struct GeneratedCases: Sendable {
    struct Suite: Sendable {
        var id: Int
        var firstCaseID: Int
        /// The suite's section ids by section index; the generator's section tree lists them in this order.
        var sectionIDs: [Int]
        /// A drifted copy: the left suite it copies, that suite's first case id and size; nil for a left suite.
        var source: (id: Int, firstCaseID: Int, size: Int)?
        /// A drifted copy: the source index of each surviving case, in id order; the added cases follow them.
        var survivors: [UInt32] = []
        var count: Int
        /// TestRail's order: position → ordinal (id - firstCaseID).
        var served: [UInt32] = []
    }

    let seed: UInt64
    let drift: Double
    private(set) var suites: [Int: Suite] = [:]
    /// Suite ids by their first case id, ascending: `get_case` finds a case's suite by binary search.
    private var byFirstCaseID: [(firstCaseID: Int, suiteID: Int)] = []
    /// Every generated case, over all suites.
    public private(set) var count = 0

    init(seed: UInt64, drift: Double) {
        self.seed = seed
        self.drift = drift
    }

    /// The suite ids that are generated, ascending.
    public var suiteIDs: [Int] { suites.keys.sorted() }

    /// How many cases suite `suiteID` holds (0 for a suite that is not generated).
    public func caseCount(suiteID: Int) -> Int {
        suites[suiteID]?.count ?? 0
    }

    /// Adds a left suite of `size` cases spread over `sectionIDs`.
    mutating func addSuite(id: Int, firstCaseID: Int, size: Int, sectionIDs: [Int]) {
        var suite = Suite(id: id, firstCaseID: firstCaseID, sectionIDs: sectionIDs, count: size)
        var sections = [UInt32](repeating: 0, count: size)
        for index in 0..<size {
            sections[index] = UInt32(
                GeneratedCase.Draws(seed: seed, suiteID: id, index: index, sections: sectionIDs.count).section)
        }
        suite.served = Self.order(sections, sectionCount: sectionIDs.count)
        insert(suite)
    }

    /// Adds a drifted copy of the left suite `sourceID`: about `drift` × 0.3 of its cases removed, `added` new ones
    /// after the survivors; returns how many cases the copy holds.
    @discardableResult
    mutating func addCopy(id: Int, firstCaseID: Int, of sourceID: Int, added: Int, sectionIDs: [Int]) -> Int {
        guard let source = suites[sourceID] else { return 0 }
        var suite = Suite(
            id: id, firstCaseID: firstCaseID, sectionIDs: sectionIDs,
            source: (source.id, source.firstCaseID, source.count), count: 0)
        var sections: [UInt32] = []
        sections.reserveCapacity(source.count + added)
        for index in 0..<source.count {
            let draws = GeneratedCase.Draws(
                seed: seed, suiteID: source.id, index: index, sections: source.sectionIDs.count)
            if Self.isRemoved(draws.roll, drift: drift) { continue }
            suite.survivors.append(UInt32(index))
            sections.append(UInt32(draws.section))
        }
        for extra in 0..<added {
            let draws = GeneratedCase.Draws(
                seed: seed, suiteID: id, index: source.count + extra, sections: sectionIDs.count)
            sections.append(UInt32(draws.section))
        }
        suite.count = sections.count
        suite.served = Self.order(sections, sectionCount: sectionIDs.count)
        insert(suite)
        return suite.count
    }

    private mutating func insert(_ suite: Suite) {
        suites[suite.id] = suite
        count += suite.count
        byFirstCaseID.append((suite.firstCaseID, suite.id))
        byFirstCaseID.sort { $0.firstCaseID < $1.firstCaseID }
    }

    /// Ordinals sorted by section, stably: TestRail lists a suite's cases by section tree position, then display
    /// order, then id, and both of those rise with the ordinal.
    private static func order(_ sections: [UInt32], sectionCount: Int) -> [UInt32] {
        var starts = [Int](repeating: 0, count: max(1, sectionCount) + 1)
        for section in sections { starts[Int(section) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var served = [UInt32](repeating: 0, count: sections.count)
        for (ordinal, section) in sections.enumerated() {
            served[starts[Int(section)]] = UInt32(ordinal)
            starts[Int(section)] += 1
        }
        return served
    }

    /// A right-side copy's drift, by its roll: removed below `drift` × 0.3, priority changed below × 0.7,
    /// preconditions changed below × 1.
    static func isRemoved(_ roll: Double, drift: Double) -> Bool { roll < drift * 0.3 }

    /// The case at `position` in TestRail's order of suite `suiteID`.
    func testCase(suiteID: Int, position: Int) -> GeneratedCase? {
        guard let suite = suites[suiteID], position >= 0, position < suite.count else { return nil }
        return make(suite, ordinal: Int(suite.served[position]))
    }

    /// The case with id `caseID`, if a generated suite holds it.
    func testCase(id caseID: Int) -> GeneratedCase? {
        var low = 0
        var high = byFirstCaseID.count
        while low < high {
            let middle = (low + high) / 2
            if byFirstCaseID[middle].firstCaseID <= caseID { low = middle + 1 } else { high = middle }
        }
        guard low > 0, let suite = suites[byFirstCaseID[low - 1].suiteID] else { return nil }
        let ordinal = caseID - suite.firstCaseID
        guard ordinal < suite.count else { return nil }
        return make(suite, ordinal: ordinal)
    }

    /// Every case of suite `suiteID` in id order (the eager generator's records).
    func cases(suiteID: Int) -> [GeneratedCase] {
        guard let suite = suites[suiteID] else { return [] }
        return (0..<suite.count).map { make(suite, ordinal: $0) }
    }

    private func make(_ suite: Suite, ordinal: Int) -> GeneratedCase {
        let id = suite.firstCaseID + ordinal
        var index = ordinal
        var origin = suite.id
        var timestamp = 1_700_000_000 + id
        var roll: Double?
        if let source = suite.source {
            if ordinal < suite.survivors.count {
                index = Int(suite.survivors[ordinal])
                origin = source.id
                timestamp = 1_700_000_000 + source.firstCaseID + index
            } else {
                index = source.size + ordinal - suite.survivors.count
            }
        }
        let draws = GeneratedCase.Draws(seed: seed, suiteID: origin, index: index, sections: suite.sectionIDs.count)
        if origin != suite.id { roll = draws.roll }
        var priority = draws.priorityID
        var changedPreconditions = false
        if let roll {
            if roll < drift * 0.7 {
                priority = 1 + (priority % 4)
            } else if roll < drift {
                changedPreconditions = true
            }
        }
        return GeneratedCase(
            id: id, suiteID: suite.id, sectionID: suite.sectionIDs[draws.section], index: index,
            originSuiteID: origin, timestamp: timestamp, verb: draws.verb, noun: draws.noun, steps: draws.steps,
            typeID: draws.typeID, priorityID: priority, changedPreconditions: changedPreconditions)
    }
}
