import CasediffCore
import TestRailAPI
import TestRailSimulator

/// The benchmark's data and what it implies: the minimum number of requests and exact size hints.
struct BenchDataset: Sendable {
    /// What the simulator is started with (`GeneratorSpec.simulatorArguments`) to serve the same data.
    let spec: GeneratorSpec
    /// Per project: (suite id, cases, sections).
    let suites: [Int: [SuiteSizeHint]]
    let projectIDs: [Int]
    let caseCount: Int

    /// Reads the suite sizes from the generator's lazy layout (`makeLazily`): a few bytes per case, so even the
    /// million cases of R6 are never built as records in the bench's process.
    init(spec: GeneratorSpec) {
        self.spec = spec
        let dataset = DatasetGenerator(spec).makeLazily()
        func int(_ value: JSONValue?) -> Int? {
            if case .int(let number)? = value { return Int(number) }
            return nil
        }
        let casesBySuite = dataset.caseCountsBySuite
        var sectionsBySuite: [Int: Int] = [:]
        for record in dataset.sections {
            if let suite = int(record["suite_id"]) { sectionsBySuite[suite, default: 0] += 1 }
        }
        var suites: [Int: [SuiteSizeHint]] = [:]
        for record in dataset.suites {
            guard let id = int(record["id"]), let project = int(record["project_id"]) else { continue }
            suites[project, default: []].append(
                SuiteSizeHint(suiteID: id, cases: casesBySuite[id] ?? 0, sections: sectionsBySuite[id] ?? 0))
        }
        self.suites = suites
        projectIDs = dataset.projects.compactMap { int($0["id"]) }.sorted()
        caseCount = dataset.caseCount
    }

    var suiteCount: Int { suites.values.reduce(0) { $0 + $1.count } }
    var largestSuite: Int { suites.values.flatMap { $0 }.map(\.cases).max() ?? 0 }

    /// The fewest requests that can fetch both projects: every page of every list once, plus the listings —
    /// Σ over suites of max(1, ⌈cases ÷ 250⌉) + max(1, ⌈sections ÷ 250⌉), one `get_suites` page and one
    /// `get_project` per project, `get_case_types` and `get_priorities` — and the definitions that give the ids
    /// meaning: `get_case_fields` once, and `get_templates`, one `get_milestones` page and one `get_shared_steps`
    /// page per project (the generated projects have no user field, so no `get_users`).
    var minimumRequests: Int {
        func pages(_ items: Int) -> Int { max(1, (items + 249) / 250) }
        let perSuite = suites.values.flatMap { $0 }.reduce(0) { $0 + pages($1.cases) + pages($1.sections) }
        let perProject = suites.values.reduce(0) { $0 + pages($1.count) } + suites.count * (1 + 3)
        return perSuite + perProject + 2 + 1
    }

    var hints: FixedSizeHints { FixedSizeHints(suites) }
}
