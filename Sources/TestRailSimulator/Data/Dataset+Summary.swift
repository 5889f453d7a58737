import TestRailAPI

extension Dataset {
    /// What the instance serves, per project, for the simulator's start line: `P1 8 suites 18000 cases, P2 7 suites
    /// 17640 cases`. Generated data's `--suites` and `--cases` count a pair of projects together, and this line says
    /// how they were split.
    public var projectSummary: String {
        let counts = caseCountsBySuite
        var suitesByProject: [Int: Int] = [:]
        var casesByProject: [Int: Int] = [:]
        for suite in suites {
            guard let project = suite["project_id"]?.intValue, let id = suite["id"]?.intValue else { continue }
            suitesByProject[project, default: 0] += 1
            casesByProject[project, default: 0] += counts[id] ?? 0
        }
        return projects.compactMap { $0["id"]?.intValue }.map { id in
            let suites = suitesByProject[id] ?? 0
            let cases = casesByProject[id] ?? 0
            return "P\(id) \(suites) suite\(suites == 1 ? "" : "s") \(cases) case\(cases == 1 ? "" : "s")"
        }.joined(separator: ", ")
    }
}
