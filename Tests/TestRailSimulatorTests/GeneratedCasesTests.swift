import Foundation
import TestRailAPI
import Testing

@testable import TestRailSimulator

/// Cases generated on request: the same bytes as the same cases held as records, on every endpoint and page.
@Suite struct GeneratedCasesTests {
    /// Three pairs' worth of drift kinds (10 %: removed, priority and preconditions changed, added), nested sections,
    /// suites of a few pages.
    static let spec = GeneratorSpec(seed: 5, pairs: 2, suites: 5, cases: 3_000, drift: 0.1)

    static func makeRouter(_ dataset: Dataset, configuration: SimulatorConfiguration = .init()) -> APIRouter {
        APIRouter(index: InstanceIndex(dataset), dialect: ServerDialect(configuration))
    }

    struct Answer: Equatable {
        var status: Int
        var text: String
    }

    static func body(_ router: APIRouter, _ path: String, caller: APICaller = APICaller(email: "demo@casediff.test"))
        throws -> Answer
    {
        let response = router.respond(to: try TestRailEndpoint(apiPath: path), from: caller)
        return Answer(status: response.status, text: String(decoding: response.body, as: UTF8.self))
    }

    @Test func aWrittenCaseIsTheEncodersBytesForItsRecord() throws {
        // Every verb and noun, one to three steps, refs or none, drifted preconditions, wide numbers.
        var cases: [GeneratedCase] = []
        for verb in GeneratedCase.verbs.indices {
            for noun in GeneratedCase.nouns.indices {
                let index = verb * 100 + noun * 7 + (noun % 2)
                cases.append(
                    GeneratedCase(
                        id: 1_000_000 + index, suiteID: 31, sectionID: 250, index: index, originSuiteID: 7,
                        timestamp: 1_701_000_000 + index, verb: verb, noun: noun, steps: 1 + (verb + noun) % 3,
                        typeID: 1 + noun, priorityID: 1 + verb % 4, changedPreconditions: noun % 3 == 0))
            }
        }
        cases.append(
            GeneratedCase(
                id: 0, suiteID: 9_999_999_999, sectionID: 10, index: 0, originSuiteID: 1, timestamp: 12_345_678_901,
                verb: 0, noun: 0, steps: 3, typeID: 12, priorityID: 4, changedPreconditions: false))
        for item in cases {
            var written: [UInt8] = []
            item.write(into: &written)
            let encoded = try InstanceIndex.encoder.encode(item.fields)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        }
    }

    @Test func everyPageOfEverySuiteIsServedAsFromRecords() throws {
        let eager = Self.makeRouter(DatasetGenerator(Self.spec).make())
        let lazy = Self.makeRouter(DatasetGenerator(Self.spec).makeLazily())
        let dataset = DatasetGenerator(Self.spec).makeLazily()
        #expect(dataset.cases.isEmpty && dataset.caseCount > 0)
        for project in dataset.projects.compactMap({ $0["id"]?.intValue }) {
            for suite in dataset.suites where suite["project_id"]?.intValue == project {
                let suiteID = suite["id"]!.intValue!
                let count = dataset.generatedCases!.caseCount(suiteID: suiteID)
                var paths = stride(from: 0, through: count, by: 250).map {
                    "/api/v2/get_cases/\(project)&suite_id=\(suiteID)&offset=\($0)"
                }
                paths += [
                    "/api/v2/get_cases/\(project)&suite_id=\(suiteID)&limit=7&offset=\(count - 3)",
                    "/api/v2/get_cases/\(project)&suite_id=\(suiteID)&offset=\(count + 10)",
                    "/api/v2/get_cases/\(project)&suite_id=\(suiteID)&limit=0",
                    "/api/v2/get_sections/\(project)&suite_id=\(suiteID)",
                    "/api/v2/get_suite/\(suiteID)",
                ]
                for path in paths {
                    let expected = try Self.body(eager, path)
                    #expect(try Self.body(lazy, path) == expected, "\(path)")
                }
            }
            for path in ["/api/v2/get_project/\(project)", "/api/v2/get_suites/\(project)"] {
                #expect(try Self.body(lazy, path) == Self.body(eager, path), "\(path)")
            }
        }
        for path in ["/api/v2/get_projects", "/api/v2/get_case_fields", "/api/v2/get_templates/1"] {
            #expect(try Self.body(lazy, path) == Self.body(eager, path), "\(path)")
        }
    }

    @Test func everyCaseIsFoundByIDAndNoOtherID() throws {
        let eager = Self.makeRouter(DatasetGenerator(Self.spec).make())
        let lazy = Self.makeRouter(DatasetGenerator(Self.spec).makeLazily())
        let count = DatasetGenerator(Self.spec).makeLazily().caseCount
        for id in [-1, 0] + Array(1...count) + [count + 1, count + 1_000] {
            let path = "/api/v2/get_case/\(id)"
            #expect(try Self.body(lazy, path) == Self.body(eager, path), "\(path)")
        }
    }

    /// Suite 1 holds cases 1–900, on sections 1–8; suite 2, its drifted copy, keeps their timestamps for the
    /// cases it copies and adds its own (ids from 901).
    @Test(arguments: [
        ("section_id=3", true), ("section_id=99999", false), ("section_id=x", false),
        ("updated_after=1700000500", true), ("updated_before=1700000400&created_after=1700000100", true),
        ("section_id=4&updated_after=1700000300&limit=5&offset=5", true), ("updated_after=1700001780", true),
        ("created_before=x", false),
    ])
    func filtersGiveTheRecordsAnswer(query: String, selectsCases: Bool) throws {
        let eager = Self.makeRouter(DatasetGenerator(Self.spec).make())
        let lazy = Self.makeRouter(DatasetGenerator(Self.spec).makeLazily())
        var selected = 0
        for (project, suiteID) in [(1, 1), (2, 2)] {
            let path = "/api/v2/get_cases/\(project)&suite_id=\(suiteID)&\(query)"
            let expected = try Self.body(eager, path)
            #expect(try Self.body(lazy, path) == expected, "\(path)")
            if expected.text.contains(#""cases":[{"#) { selected += 1 }
        }
        #expect((selected > 0) == selectsCases)
    }

    @Test func legacyServersGetTheWholeSuiteAsOneArray() throws {
        let configuration = SimulatorConfiguration(legacyArrays: true)
        let eager = Self.makeRouter(DatasetGenerator(Self.spec).make(), configuration: configuration)
        let lazy = Self.makeRouter(DatasetGenerator(Self.spec).makeLazily(), configuration: configuration)
        let path = "/api/v2/get_cases/1&suite_id=1"
        let answer = try Self.body(lazy, path)
        let expected = try Self.body(eager, path)
        #expect(answer.text.hasPrefix("[{") && answer == expected)
    }

    @Test func pagesHaveTheEnvelopeAndLinks() throws {
        let dataset = DatasetGenerator(Self.spec).makeLazily()
        let router = Self.makeRouter(dataset)
        let count = dataset.generatedCases!.caseCount(suiteID: 1)
        #expect(count > 500)
        let first = try Self.body(router, "/api/v2/get_cases/1&suite_id=1")
        #expect(first.status == 200)
        #expect(
            first.text.hasPrefix(
                #"{"offset":0,"limit":250,"size":250,"_links":{"next":"/api/v2/get_cases/1&suite_id=1&limit=250&offset=250","prev":null},"cases":[{"#
            ))
        let lastOffset = (count - 1) / 250 * 250
        let last = try Self.body(router, "/api/v2/get_cases/1&suite_id=1&offset=\(lastOffset)")
        #expect(last.text.hasPrefix(#"{"offset":\#(lastOffset),"limit":250,"size":\#(count - lastOffset),"#))
        #expect(last.text.contains(#""_links":{"next":null,"prev":"/api/v2/get_cases/1&suite_id=1&limit=250&offset="#))
    }

    @Test func theSameSpecGivesTheSameBytesInAnyRequestOrder() throws {
        let dataset = DatasetGenerator(Self.spec).makeLazily()
        let count = dataset.generatedCases!.caseCount(suiteID: 2)
        let paths = stride(from: 0, to: count, by: 100).map { "/api/v2/get_cases/2&suite_id=2&limit=100&offset=\($0)" }
        let forward = Self.makeRouter(dataset)
        let backward = Self.makeRouter(DatasetGenerator(Self.spec).makeLazily())
        let answers = try paths.map { try Self.body(forward, $0) }
        let reversed = try paths.reversed().map { try Self.body(backward, $0) }
        #expect(reversed == answers.reversed())
        var other = Self.spec
        other.seed += 1
        #expect(try Self.body(Self.makeRouter(DatasetGenerator(other).makeLazily()), paths[0]) != answers[0])
    }

    @Test func countsFollowTheSuiteSizesAndTheDrift() throws {
        let spec = GeneratorSpec(seed: 7, suites: 32, cases: 100_000)
        let dataset = DatasetGenerator(spec).makeLazily()
        let generated = try #require(dataset.generatedCases)
        let sizes = DatasetGenerator.suiteSizes(suites: 32, cases: 100_000, skew: 1)
        #expect(sizes.count == 16)
        let left = dataset.suites.filter { $0["project_id"] == 1 }.map { $0["id"]!.intValue! }
        let right = dataset.suites.filter { $0["project_id"] == 2 }.map { $0["id"]!.intValue! }
        #expect(left.map { generated.caseCount(suiteID: $0) } == sizes)
        #expect(right.count == 16)
        for (source, copy) in zip(left, right) {
            let removed = generated.caseCount(suiteID: source) - generated.suites[copy]!.survivors.count
            let added = generated.caseCount(suiteID: copy) - generated.suites[copy]!.survivors.count
            // About drift × 0.3 of the cases removed and as many added (2 % drift: 0.6 %).
            #expect(added == Int((Double(generated.caseCount(suiteID: source)) * 0.006).rounded()))
            #expect(removed <= added * 3 + 5)
        }
        #expect(generated.count == dataset.caseCountsBySuite.values.reduce(0, +))
        #expect(abs(dataset.caseCount - 100_000) < 100)
    }
}
