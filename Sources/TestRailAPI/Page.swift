/// One page of a list endpoint, as TestRail 6.7+ sends it, or a whole legacy bare-array response.
///
/// `size` is the number of items in *this* page, never a total: TestRail does not say how many items exist.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var offset: Int
    public var limit: Int
    public var size: Int
    /// `_links.next`, parsed; `nil` on the last page.
    public var next: TestRailEndpoint?
    /// `_links.prev`, parsed.
    public var previous: TestRailEndpoint?
    /// True when the server answered with a bare array (TestRail before 6.7): that response is the whole list.
    public var isLegacy: Bool
    /// Problems repaired while decoding, one line each, for the user (`case C12: its title had bytes that are not
    /// UTF-8; shown as U+FFFD`).
    public var warnings: [String] = []

    public init(
        items: [Item], offset: Int, limit: Int, size: Int, next: TestRailEndpoint?, previous: TestRailEndpoint? = nil,
        isLegacy: Bool = false
    ) {
        self.items = items
        self.offset = offset
        self.limit = limit
        self.size = size
        self.next = next
        self.previous = previous
        self.isLegacy = isLegacy
    }

    /// Whether nothing follows this page.
    public var isLast: Bool { next == nil }
}
