import TestRailAPI

/// One compared field that differs; `old` is the left value, `new` the right, `null` when absent.
public struct FieldChange: Sendable, Hashable {
    public var field: String
    public var old: JSONValue
    public var new: JSONValue

    public init(field: String, old: JSONValue, new: JSONValue) {
        self.field = field
        self.old = old
        self.new = new
    }
}
