import CasediffCore
import Foundation
import TestRailAPI
import TestRailSimulator

/// Scenario C1: two projects of `cases` cases each, already in memory, compared with the default options.
///
/// Targets (issue 4): under 1 s and under 300 MB peak RSS. The floor, measured in the same run, is the least any
/// comparison must do: a hash join of the two sides' titles (index one side, probe it with the other). The JSON
/// export of the report (every record of both sides, as `--format json` writes it) has a target of its own
/// (issue 17): at most 0.3 s.
enum CompareBench {
    struct Result {
        var seconds: Double
        var floorSeconds: Double
        var dataMegabytes: Double
        var peakMegabytes: Double
        /// The JSON export, the median of three renders of the same report.
        var renderSeconds: Double
        var renderMegabytes: Double
        var totals: StatusCounts
    }

    static let renderTarget = 0.3

    static func run(cases: Int) throws -> Result {
        let (left, right) = makeProjects(cases: cases)
        let dataMegabytes = Memory.residentMegabytes()
        Memory.resetPeak()
        let clock = ContinuousClock()

        // The floor: index the right titles, probe with the left ones.
        let floors = (0..<3).map { _ in hashJoinSeconds(left, right, capacity: cases) }

        var times: [Double] = []
        var report: ComparisonReport?
        for _ in 0..<3 {
            report = nil  // the previous run's report is freed before the next is built
            let elapsed = try clock.measure { report = try ProjectComparator().compare(left, right) }
            times.append(elapsed.inSeconds)
        }
        let peak = Memory.peakMegabytes()
        var renders: [Double] = []
        var renderBytes = 0
        for _ in 0..<3 {
            let start = clock.now
            let rendered = try JSONRenderer().render(report!, context: RenderContext(toolVersion: "bench"))
            renders.append((clock.now - start).inSeconds)
            renderBytes = rendered.count
        }
        return Result(
            seconds: times.sorted()[1], floorSeconds: floors.sorted()[1], dataMegabytes: dataMegabytes,
            peakMegabytes: peak, renderSeconds: renders.sorted()[1], renderMegabytes: Double(renderBytes) / 1e6,
            totals: report!.totals)
    }

    /// Two projects of 20 suites each; the right is the left with about 2% drift of every kind.
    /// The least any comparison must do: index the right titles and probe with the left ones (seconds).
    static func hashJoinSeconds(_ left: ProjectData, _ right: ProjectData, capacity: Int) -> Double {
        var matched = 0
        let elapsed = ContinuousClock().measure {
            var index = [String: Int](minimumCapacity: capacity)
            for suite in right.suites {
                for testCase in suite.cases { index[testCase.title] = testCase.id }
            }
            for suite in left.suites {
                for testCase in suite.cases where index[testCase.title] != nil { matched += 1 }
            }
        }
        precondition(matched > 0)
        return elapsed.inSeconds
    }

    static func makeProjects(cases: Int) -> (ProjectData, ProjectData) {
        var random = SeededRandom(seed: 42)
        let verbs = ["Create", "Update", "Delete", "Export", "Import", "Search", "Filter", "Share", "Archive", "Sync"]
        let nouns = ["order", "invoice", "customer", "coupon", "report", "cart", "product", "refund", "user", "file"]
        let suiteCount = 20
        let sectionsPerSuite = 25
        var leftSuites: [SuiteData] = []
        var rightSuites: [SuiteData] = []
        var caseID = 0
        for suiteIndex in 0..<suiteCount {
            let size = cases / suiteCount + (suiteIndex < cases % suiteCount ? 1 : 0)
            var sections: [Section] = []
            var rightSections: [Section] = []
            for index in 0..<sectionsPerSuite {
                let id = suiteIndex * 1000 + index + 1
                let parent = index < 5 ? nil : suiteIndex * 1000 + index % 5 + 1
                sections.append(
                    Section(
                        id: id, suiteID: suiteIndex + 1, name: "Area \(index)", parentID: parent,
                        depth: parent == nil ? 0 : 1))
                rightSections.append(
                    Section(
                        id: 500_000 + id, suiteID: 1000 + suiteIndex, name: "Area \(index)",
                        parentID: parent.map { 500_000 + $0 }, depth: parent == nil ? 0 : 1))
            }
            var leftCases: [TestCase] = []
            var rightCases: [TestCase] = []
            for n in 0..<size {
                caseID += 1
                let verb = verbs[Int(random.next() % 10)]
                let noun = nouns[Int(random.next() % 10)]
                let section = Int(random.next() % UInt64(sectionsPerSuite))
                let steps = (0..<Int(1 + random.next() % 3)).map { step -> JSONValue in
                    .object([
                        "content": .string("Step \(step + 1): \(verb.lowercased()) the \(noun) \(n)"),
                        "expected": .string("The \(noun) is \(step == 0 ? "shown" : "updated")"),
                    ])
                }
                let testCase = TestCase(
                    id: caseID, title: "\(verb) the \(noun) in suite \(suiteIndex) #\(n)",
                    sectionID: sections[section].id, suiteID: suiteIndex + 1, templateID: 2,
                    typeID: Int(1 + random.next() % 6), priorityID: Int(1 + random.next() % 4),
                    refs: n % 7 == 0 ? "REQ-\(n)" : nil, createdOn: 1_700_000_000, updatedOn: 1_700_000_000 + n,
                    displayOrder: n,
                    customFields: [
                        "custom_preconds": .string("A signed-in user with access to the \(noun) (case \(n))."),
                        "custom_steps_separated": .array(steps),
                        "custom_automation_id": .string("auto.\(suiteIndex).\(n)"),
                    ])
                leftCases.append(testCase)
                var copy = testCase
                copy.id += 10_000_000
                copy.suiteID = 1000 + suiteIndex
                copy.sectionID = rightSections[section].id
                let roll = random.next() % 1000
                switch roll {
                case 0..<3: continue  // removed
                case 3..<8: copy.priorityID = 1 + (copy.priorityID! % 4)
                case 8..<11: copy.customFields["custom_preconds"] = .string("Changed after the migration.")
                case 11..<14: copy.sectionID = rightSections[(section + 1) % sectionsPerSuite].id  // moved
                case 14..<17: copy.title = copy.title.replacingOccurrences(of: " the ", with: " a ")  // renamed
                case 17..<19:
                    copy.customFields["custom_steps_separated"] = .array(
                        steps + [.object(["content": "One more step", "expected": "Done"])])
                default: break
                }
                rightCases.append(copy)
                if roll >= 997 {  // added
                    var added = copy
                    added.id += 10_000_000
                    added.title = "New: " + copy.title
                    rightCases.append(added)
                }
            }
            leftSuites.append(
                SuiteData(
                    suite: Suite(id: suiteIndex + 1, name: "Suite \(suiteIndex)", projectID: 1), sections: sections,
                    cases: leftCases))
            rightSuites.append(
                SuiteData(
                    suite: Suite(id: 1000 + suiteIndex, name: "Suite \(suiteIndex)", projectID: 2),
                    sections: rightSections,
                    cases: rightCases))
        }
        let types = (1...6).map { CaseType(id: $0, name: "Type \($0)") }
        let priorities = (1...4).map { Priority(id: $0, name: "Priority \($0)") }
        return (
            ProjectData(
                instance: "https://bench.testrail.io/",
                project: Project(id: 1, name: "Left", suiteMode: .multipleSuites),
                suites: leftSuites, caseTypes: types, priorities: priorities),
            ProjectData(
                instance: "https://bench.testrail.io/",
                project: Project(id: 2, name: "Right", suiteMode: .multipleSuites),
                suites: rightSuites, caseTypes: types, priorities: priorities)
        )
    }
}
