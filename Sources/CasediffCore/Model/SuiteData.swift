import Foundation
import TestRailAPI

/// One suite's sections and cases, complete: every page was fetched and the last one had no `next`.
public struct SuiteData: Sendable, Hashable {
    public var suite: Suite
    public var sections: [Section]
    public var cases: [TestCase]

    public init(suite: Suite, sections: [Section], cases: [TestCase]) {
        self.suite = suite
        self.sections = sections
        self.cases = cases
    }
}
