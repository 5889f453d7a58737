import TestRailAPI

/// A finished unit, as the planner takes it: its payload or the error that remained after retries.
public struct UnitOutcome: Sendable {
    public var unit: WorkUnit
    public var result: Result<UnitPayload, TestRailError>

    public init(unit: WorkUnit, result: Result<UnitPayload, TestRailError>) {
        self.unit = unit
        self.result = result
    }
}
