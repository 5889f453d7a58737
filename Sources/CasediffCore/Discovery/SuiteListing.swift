import Foundation
import TestRailAPI

/// One suite, with its size when known (TestRail gives no totals; the store remembers them from earlier runs).
public struct SuiteListing: Sendable, Hashable {
    public var suite: Suite
    public var cases: Int?
    public var sections: Int?

    public init(suite: Suite, cases: Int? = nil, sections: Int? = nil) {
        self.suite = suite
        self.cases = cases
        self.sections = sections
    }
}
