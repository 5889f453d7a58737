import TestRailAPI

/// A page that still failed after its retries: the run cannot prove its data complete.
public struct FetchFailure: Sendable, Hashable, CustomStringConvertible {
    public var side: Side
    public var unit: WorkUnit
    public var error: TestRailError

    public init(side: Side, unit: WorkUnit, error: TestRailError) {
        self.side = side
        self.unit = unit
        self.error = error
    }

    /// `cases of S5 (P1) at offset 250 (HTTP 503 …)`: the page (``PageKey/description``) and why it failed.
    public var description: String { "\(unit.key) (\(error))" }
}
