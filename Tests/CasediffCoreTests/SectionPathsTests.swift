import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct SectionPathsTests {
    @Test func buildsPathsFromTheRoot() {
        let paths = SectionPaths([
            Section(id: 3, suiteID: 1, name: "Expired ", parentID: 2),
            Section(id: 1, suiteID: 1, name: "Checkout"),
            Section(id: 2, suiteID: 1, name: "Coupons", parentID: 1),
        ])
        #expect(paths.path(of: 3) == "Checkout > Coupons > Expired")
        #expect(paths.path(of: 1) == "Checkout")
        #expect(paths.path(of: 99) == "")
        #expect(paths.path(of: nil) == "")
    }

    @Test func survivesACycle() {
        let paths = SectionPaths([
            Section(id: 1, suiteID: 1, name: "A", parentID: 2), Section(id: 2, suiteID: 1, name: "B", parentID: 1),
        ])
        #expect(paths.path(of: 1) == "B > A")
    }
}
