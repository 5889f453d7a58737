import Foundation
import TestRailAPI

/// Compares two fetched projects: suites by name, cases by title within the suite of the same name.
///
/// Duplicate titles are paired in section-path order, then id order, so the result never depends on the order the
/// server listed them in; surplus duplicates are reported as added or removed.
public struct ProjectComparator: Sendable {
    public init() {}

    public func compare(_ left: ProjectData, _ right: ProjectData) -> ComparisonReport {
        var suites: [SuiteComparison] = []
        for (name, pair) in pairSuites(left, right) {
            suites.append(
                compareSuite(name: name, left: pair.left, right: pair.right, leftData: left, rightData: right))
        }
        suites.sort {
            ($0.name, $0.leftSuiteID ?? 0, $0.rightSuiteID ?? 0) < ($1.name, $1.leftSuiteID ?? 0, $1.rightSuiteID ?? 0)
        }
        var fields = Set<String>()
        for project in [left, right] {
            for suite in project.suites {
                for testCase in suite.cases { fields.formUnion(testCase.customFields.keys) }
            }
        }
        return ComparisonReport(
            left: side(left), right: side(right), suites: suites,
            comparedFields: CaseView.standardFields + fields.sorted())
    }

    private func side(_ data: ProjectData) -> ComparisonReport.Side {
        ComparisonReport.Side(
            instance: data.instance, projectID: data.project.id, projectName: data.project.name,
            suiteMode: data.project.suiteMode.rawValue, cases: data.caseCount)
    }

    /// Suites matched by trimmed name; two single-suite projects pair their only suites whatever their names.
    private func pairSuites(_ left: ProjectData, _ right: ProjectData) -> [(
        String, (left: SuiteData?, right: SuiteData?)
    )] {
        if left.project.suiteMode == .singleSuite, right.project.suiteMode == .singleSuite,
            left.suites.count == 1, right.suites.count == 1
        {
            return [(left.suites[0].suite.name, (left.suites[0], right.suites[0]))]
        }
        func byName(_ suites: [SuiteData]) -> [String: [SuiteData]] {
            Dictionary(grouping: suites.sorted { $0.suite.id < $1.suite.id }) {
                $0.suite.name.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let leftByName = byName(left.suites)
        let rightByName = byName(right.suites)
        var pairs: [(String, (left: SuiteData?, right: SuiteData?))] = []
        for name in Set(leftByName.keys).union(rightByName.keys).sorted() {
            let lefts = leftByName[name] ?? []
            let rights = rightByName[name] ?? []
            for index in 0..<max(lefts.count, rights.count) {
                pairs.append(
                    (name, (index < lefts.count ? lefts[index] : nil, index < rights.count ? rights[index] : nil)))
            }
        }
        return pairs
    }

    private func views(_ suite: SuiteData?, _ project: ProjectData) -> [CaseView] {
        guard let suite else { return [] }
        let paths = SectionPaths(suite.sections)
        let types = Dictionary(project.caseTypes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let priorities = Dictionary(
            project.priorities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return suite.cases.filter { !$0.isDeleted }.map {
            CaseView($0, paths: paths, typeNames: types, priorityNames: priorities)
        }
    }

    private func compareSuite(
        name: String, left: SuiteData?, right: SuiteData?, leftData: ProjectData, rightData: ProjectData
    ) -> SuiteComparison {
        let leftViews = views(left, leftData)
        let rightViews = views(right, rightData)
        func grouped(_ views: [CaseView]) -> [String: [CaseView]] {
            Dictionary(grouping: views, by: \.key).mapValues {
                $0.sorted { ($0.sectionPath, $0.id) < ($1.sectionPath, $1.id) }
            }
        }
        let leftByKey = grouped(leftViews)
        let rightByKey = grouped(rightViews)
        var counts = StatusCounts()
        var records: [CaseRecord] = []
        for key in Set(leftByKey.keys).union(rightByKey.keys) {
            let lefts = leftByKey[key] ?? []
            let rights = rightByKey[key] ?? []
            for index in 0..<max(lefts.count, rights.count) {
                let l = index < lefts.count ? lefts[index] : nil
                let r = index < rights.count ? rights[index] : nil
                let record: CaseRecord
                switch (l, r) {
                case (let l?, let r?):
                    let changes = l.changes(to: r)
                    record = CaseRecord(
                        status: changes.isEmpty ? .unchanged : .changed, key: key,
                        left: .init(id: l.id, sectionPath: l.sectionPath),
                        right: .init(id: r.id, sectionPath: r.sectionPath), changes: changes)
                case (let l?, nil):
                    record = CaseRecord(
                        status: .removed, key: key, left: .init(id: l.id, sectionPath: l.sectionPath), right: nil)
                case (nil, let r?):
                    record = CaseRecord(
                        status: .added, key: key, left: nil, right: .init(id: r.id, sectionPath: r.sectionPath))
                case (nil, nil):
                    continue
                }
                counts.count(record.status)
                if record.status != .unchanged { records.append(record) }
            }
        }
        records.sort(by: CaseRecord.precedes)
        return SuiteComparison(
            name: name, leftSuiteID: left?.suite.id, rightSuiteID: right?.suite.id, leftCases: leftViews.count,
            rightCases: rightViews.count, counts: counts, records: records)
    }
}
