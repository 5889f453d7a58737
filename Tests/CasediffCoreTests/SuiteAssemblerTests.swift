import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct SuiteAssemblerTests {
    func section(_ id: Int, parent: Int? = nil, order: Int) -> Section {
        Section(id: id, suiteID: 1, name: "S\(id)", parentID: parent, depth: parent == nil ? 0 : 1, displayOrder: order)
    }

    func testCase(_ id: Int, section: Int, order: Int?) -> TestCase {
        var value = TestCase(id: id, title: "C\(id)", sectionID: section)
        value.displayOrder = order
        return value
    }

    @Test func ordersSectionsDepthFirstBySiblingOrder() {
        let sections = [
            section(4, parent: 1, order: 2), section(2, order: 2), section(1, order: 1),
            section(3, parent: 1, order: 1),
        ]
        #expect(SuiteAssembler.orderSections(sections).map(\.id) == [1, 3, 4, 2])
    }

    @Test func ordersCasesBySectionThenDisplayOrderThenIDAndDropsDuplicates() {
        let suite = Suite(id: 1, name: "Suite", projectID: 1)
        let sections = [section(1, order: 1), section(2, order: 2)]
        let cases = [
            testCase(30, section: 2, order: 1), testCase(10, section: 1, order: 2), testCase(11, section: 1, order: 1),
            testCase(12, section: 1, order: 1), testCase(10, section: 1, order: 2),
        ]
        let result = SuiteAssembler.assemble(suite: suite, sections: sections, cases: cases)
        #expect(result.data.cases.map(\.id) == [11, 12, 10, 30])
        #expect(result.duplicates == 1)
    }
}
