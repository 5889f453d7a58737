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

    public var description: String {
        let project = unit.endpoint.arguments.first.map { "P\($0)" } ?? "the instance"
        switch unit.kind {
        case .cases(_, let suiteID):
            return "\(project) suite S\(suiteID) cases at offset \(unit.offset) (\(error))"
        case .sections(_, let suiteID):
            return "\(project) suite S\(suiteID) sections at offset \(unit.offset) (\(error))"
        case .suites:
            return "\(project) suites at offset \(unit.offset) (\(error))"
        default:
            return "\(unit.endpoint) (\(error))"
        }
    }
}
