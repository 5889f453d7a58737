import Foundation
import TestRailAPI
import Testing

@testable import TestRailSimulator

@Suite struct DatasetGeneratorTests {
    @Test func theSameSeedGivesTheSameBytes() throws {
        let spec = GeneratorSpec(seed: 9, suites: 5, cases: 800)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let a = try encoder.encode(DatasetGenerator(spec).make().cases)
        let b = try encoder.encode(DatasetGenerator(spec).make().cases)
        #expect(a == b)
        var other = spec
        other.seed = 10
        #expect(try encoder.encode(DatasetGenerator(other).make().cases) != a)
    }

    @Test func suiteSizesFollowTheDocumentedTable() {
        #expect(DatasetGenerator.suiteSizes(suites: 3, cases: 500, skew: 0) == [167, 167])
        let sizes = DatasetGenerator.suiteSizes(suites: 31, cases: 36_000, skew: 1)
        #expect(sizes.count == 16)
        #expect(sizes.first! > sizes.last! * 10)
        let pairTotal = sizes.reduce(0, +) + sizes.prefix(15).reduce(0, +)
        #expect(abs(pairTotal - 36_000) < 40)
    }

    @Test func buildsAPairWithDrift() {
        let dataset = DatasetGenerator(GeneratorSpec(seed: 3, suites: 5, cases: 2_000, drift: 0.1)).make()
        #expect(dataset.projects.count == 2)
        #expect(dataset.suites.filter { $0["project_id"] == 1 }.count == 3)
        #expect(dataset.suites.filter { $0["project_id"] == 2 }.count == 2)
        let ids = dataset.cases.compactMap { $0["id"]?.intValue }
        #expect(Set(ids).count == ids.count)
        // Every case points at a section of its own suite.
        let sectionSuite = Dictionary(
            uniqueKeysWithValues: dataset.sections.map { ($0["id"]!.intValue!, $0["suite_id"]!.intValue!) })
        #expect(dataset.cases.allSatisfy { sectionSuite[$0["section_id"]!.intValue!] == $0["suite_id"]!.intValue! })
    }

    /// `--suites` and `--cases` count a pair together; the start line says how each project got its share.
    @Test func theSummaryCountsEachProject() {
        let dataset = DatasetGenerator(GeneratorSpec(seed: 3, suites: 15, cases: 1_000)).makeLazily()
        let summary = dataset.projectSummary
        let parts = summary.split(separator: ", ").map { $0.split(separator: " ") }
        #expect(parts.count == 2, "\(summary)")
        #expect(parts.map { $0.prefix(3).joined(separator: " ") } == ["P1 8 suites", "P2 7 suites"], "\(summary)")
        let cases = parts.compactMap { Int($0[3]) }
        #expect(cases.reduce(0, +) == dataset.caseCount, "\(summary)")
    }
}
