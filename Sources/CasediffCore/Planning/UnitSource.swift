/// Where the controller's dispatch takes its units from: the ``FetchPlanner`` (a list of units in tests).
protocol UnitSource {
    /// Whether ``nextUnit(rateBound:)`` would give a unit now, without taking it.
    mutating func hasReadyUnit(rateBound: Bool) -> Bool
    /// The next unit to send, or nil when nothing is ready; with `rateBound` no request is spent on speculation.
    mutating func nextUnit(rateBound: Bool) -> WorkUnit?
}
