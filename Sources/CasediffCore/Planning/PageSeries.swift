import TestRailAPI

/// One paginated list — a project's suites, a suite's sections or its cases — as far as its pages are known.
///
/// TestRail gives no totals (`size` is the page's own count), so a list is known to be whole only when the chain of
/// pages from offset 0, each linking to the next, reaches a page whose `next` is null. Pages asked for ahead of the
/// chain (from a hint or speculation) join it when the link before them points at their offset; any other page is
/// waste.
struct PageSeries: Sendable {
    struct Received: Sendable, Hashable {
        var count: Int
        var next: TestRailEndpoint?
        var nextOffset: Int?
    }

    /// The list call without `offset` and `limit`.
    let base: TestRailEndpoint
    /// ``remainingChain`` while nothing is known of the list.
    let unknownChain: Int
    private(set) var pageSize: Int
    /// Items the list is expected to hold (a size hint); nil when unknown.
    var expectedItems: Int?
    private(set) var received: [Int: Received] = [:]
    private(set) var requested: Set<Int> = []
    private(set) var failed: Set<Int> = []
    /// Speculative pages that failed: never speculated on again, and once one has failed the list is not
    /// speculated on at all, so a server that fails every page cannot draw requests at ever larger offsets.
    private(set) var abandoned: Set<Int> = []

    init(
        base: TestRailEndpoint, pageSize: Int = TestRailEndpoint.maximumPageSize, expectedItems: Int? = nil,
        unknownChain: Int = PageSeries.unknownChain
    ) {
        self.base = base
        self.unknownChain = unknownChain
        self.pageSize = pageSize
        self.expectedItems = expectedItems
    }

    /// The call for the page at `offset`: the server's own `next` link when one points there (and stays in this
    /// list: ``TestRailEndpoint/isPage(of:)``), else built.
    func endpoint(offset: Int) -> TestRailEndpoint {
        if let link = received.values.first(where: { $0.nextOffset == offset && $0.next != nil })?.next,
            link.isPage(of: base)
        {
            return link
        }
        if offset == 0 {
            // The limit is sent on the first page too: some servers otherwise answer pages of another size.
            return base.setting("limit", to: String(pageSize))
        }
        return base.setting("limit", to: String(pageSize)).setting("offset", to: String(offset))
    }

    mutating func markRequested(_ offset: Int) {
        requested.insert(offset)
    }

    /// Forgets a request whose answer did not count (a speculative page that failed), so it can be asked again if
    /// the chain needs it; it is not speculated on again.
    mutating func unmarkRequested(_ offset: Int) {
        requested.remove(offset)
        abandoned.insert(offset)
    }

    mutating func record(offset: Int, _ shape: PageShape) {
        if shape.isLegacy {
            // A bare array is the whole list, whatever was asked.
            received = [0: Received(count: shape.count, next: nil, nextOffset: nil)]
            return
        }
        if offset == 0, shape.limit > 0, shape.limit < pageSize {
            pageSize = shape.limit
        }
        let nextOffset = shape.next.map { next in next.parameter("offset").flatMap { Int($0) } ?? offset + shape.count }
        received[offset] = Received(count: shape.count, next: shape.next, nextOffset: nextOffset)
        failed.remove(offset)
    }

    mutating func recordFailure(offset: Int) {
        failed.insert(offset)
    }

    /// The pages linked from offset 0, whether they end in a page without `next`, and the first missing link.
    var chain: (offsets: [Int], complete: Bool, frontier: Int?) {
        var offsets: [Int] = []
        var offset = 0
        var seen: Set<Int> = []
        while let page = received[offset] {
            guard seen.insert(offset).inserted else { return (offsets, false, nil) }
            offsets.append(offset)
            guard let next = page.nextOffset else { return (offsets, true, nil) }
            offset = next
        }
        return (offsets, false, offset)
    }

    var isComplete: Bool { chain.complete }

    /// The number of items, once a page without `next` has said where the list ends.
    var knownEnd: Int? {
        received.filter { $0.value.next == nil }.map { $0.key + $0.value.count }.min()
    }

    /// Items on the chain so far.
    var itemsOnChain: Int { chain.offsets.reduce(0) { $0 + (received[$1]?.count ?? 0) } }

    /// Pages that linked onward: evidence of the list's size when no hint exists.
    var fullPages: Int { received.values.filter { $0.next != nil }.count }

    /// Pages known to be needed (the chain's next link, links from pages ahead of it, hinted pages) not yet asked for.
    var neededOffsets: [Int] {
        let walk = chain
        if walk.complete { return [] }
        var needed: Set<Int> = []
        if let frontier = walk.frontier { needed.insert(frontier) }
        for page in received.values where page.next != nil {
            if let next = page.nextOffset { needed.insert(next) }
        }
        if let expectedItems {
            needed.formUnion(stride(from: 0, to: max(expectedItems, 1), by: pageSize))
        }
        if let end = knownEnd {
            needed = needed.filter { $0 == 0 || $0 < end }
        }
        return needed.subtracting(requested).subtracting(failed).sorted()
    }

    /// Offsets beyond everything asked so far, for speculative dispatch; none once the end is known.
    func speculativeOffsets(count: Int) -> [Int] {
        guard count > 0, knownEnd == nil, received[0] != nil, abandoned.isEmpty else { return [] }
        let furthest = max(requested.max() ?? 0, received.keys.max() ?? 0)
        return (1...count).map { furthest + $0 * pageSize }
    }

    /// Pages fetched that are not on the chain (speculation or stale hints past the end).
    var wastedPages: Int {
        received.count - chain.offsets.count
    }

    /// What ``remainingChain`` says of a case list nothing is known of yet: it may be long, so its first page goes
    /// ahead of the next page of a list that has linked onward only once, but behind one that has done so twice.
    static let unknownChain = 2
    /// The same for a suite's sections, which are rarely more than a page: below every case list's first page.
    static let unknownSectionsChain = 1

    /// Round trips the list still needs before it is whole, one after another, as far as can be told: how long the
    /// run would wait on it if its pages went last. TestRail gives no totals, so without a hint this is evidence —
    /// a list whose pages have linked onward k times is taken to need about as many again, so the longest chains
    /// go first.
    ///
    /// | list                                                  | chain |
    /// |-------------------------------------------------------|-------|
    /// | whole                                                 | 0     |
    /// | hinted, the hinted pages not all in (all go at once)  | 1     |
    /// | cold, nothing in yet (a suite's sections: 1)         | 2     |
    /// | cold, 1 page in that linked onward                    | 2     |
    /// | cold, 5 pages in that linked onward                   | 6     |
    /// | past its hint of 3 full pages (it grew)               | 4     |
    var remainingChain: Int {
        let walk = chain
        if walk.complete { return 0 }
        if let expectedItems, let frontier = walk.frontier, frontier < max(expectedItems, 1) { return 1 }
        let linked = fullPages
        return linked == 0 ? unknownChain : linked + 1
    }

    /// Pages still expected: from the hint when there is one, else the pages seen so far (a larger list has shown
    /// more full pages), so the largest lists go first.
    var remainingWeight: Int {
        if let expectedItems {
            return max(0, (expectedItems - itemsOnChain + pageSize - 1) / pageSize)
        }
        return fullPages
    }
}
