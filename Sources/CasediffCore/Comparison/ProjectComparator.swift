import Foundation
import TestRailAPI

/// Compares two fetched projects: pairs suites by name (or pools them with `--cross-suite`), pairs cases by the
/// match key, then compares every pair field by field.
///
/// Each scope (a suite pair, or the whole project with `--cross-suite`) is compared by ``ScopeComparator``; its
/// cases are paired by ``CasePairing``, whose doc comment states the pairing rule. Renames are looked for with
/// `--match title|path` only (at ``ComparisonOptions/renameThreshold``); cases left unpaired are added or removed.
///
/// Nothing depends on the order the server listed cases in: every choice is made in a sorted order.
public struct ProjectComparator: Sendable {
    public var options: ComparisonOptions

    public init(options: ComparisonOptions = .init()) {
        self.options = options
    }

    /// - Throws: ``CasediffError/unknownSuite(_:available:)`` or ``CasediffError/unknownField(_:known:)``.
    public func compare(_ left: ProjectData, _ right: ProjectData) throws -> ComparisonReport {
        let (leftSuites, rightSuites) = try selectSuites(left, right)
        let sides = [leftSuites, rightSuites]
        let custom = try ParallelMap.map(2) { Self.customFields(sides[$0]) }
        let (leftCustom, rightCustom) = (custom[0], custom[1])
        if case .field(.custom(let name)) = options.match, !leftCustom.contains(name), !rightCustom.contains(name) {
            throw CasediffError.unknownField(name, known: leftCustom.union(rightCustom).sorted())
        }
        let fields = try options.fields.resolve(leftCustom: leftCustom, rightCustom: rightCustom)
        let vocabularies = [left, right].map { SideVocabulary($0, compareAttachments: options.compareAttachments) }
        let (leftSide, rightSide) = (vocabularies[0], vocabularies[1])
        func rule(_ field: CompareField) -> ValueRule {
            guard case .custom(let name) = field else { return ValueRule.rule(for: field, left: nil, right: nil) }
            return ValueRule.rule(for: field, left: leftSide.fields?[name], right: rightSide.fields?[name])
        }
        var matchRule = ValueRule.plain
        if case .field(let field) = options.match { matchRule = rule(field) }
        let scopeComparator = ScopeComparator(
            options: options, fields: fields.compared.map { ($0, rule($0)) }, matchRule: matchRule,
            normalizer: TextNormalizer(ignoreCase: options.ignoreCase),
            renames: options.detectsRenames && fields.compared.contains(.title))
        let notes = try ParallelMap.map(2) { index in
            SideVocabulary.notes(
                side: index == 0 ? "left" : "right", data: index == 0 ? left : right,
                suites: sides[index], vocabulary: vocabularies[index], fields: fields.compared)
        }

        var suites: [SuiteComparison] = []
        var duplicates: [DuplicateKey] = []
        var keyless = (left: 0, right: 0)
        if options.crossSuite {
            let leftViews = leftSuites.flatMap { scopeComparator.views($0, name: $0.suite.name, side: leftSide) }
            let rightViews = rightSuites.flatMap { scopeComparator.views($0, name: $0.suite.name, side: rightSide) }
            let scope = scopeComparator.compare(leftViews, rightViews, suite: nil)
            duplicates = scope.duplicates
            keyless = (scope.keylessLeft, scope.keylessRight)
            let grouped = Dictionary(grouping: scope.records) { $0.current.suite }
            let names = Set(leftSuites.map(\.name)).union(rightSuites.map(\.name)).union(grouped.keys)
            let leftCases = leftViews.reduce(into: [String: Int]()) { $0[$1.suite, default: 0] += 1 }
            let rightCases = rightViews.reduce(into: [String: Int]()) { $0[$1.suite, default: 0] += 1 }
            for name in names {
                let records = CaseRecord.sorted(grouped[name] ?? [])
                suites.append(
                    SuiteComparison(
                        name: name, leftSuiteID: leftSuites.first { $0.name == name }?.suite.id,
                        rightSuiteID: rightSuites.first { $0.name == name }?.suite.id,
                        leftCases: leftCases[name] ?? 0, rightCases: rightCases[name] ?? 0,
                        counts: records.reduce(into: StatusCounts()) { $0.count($1) }, records: records))
            }
        } else {
            let pairs = Self.pairSuites(leftSuites, rightSuites, left: left, right: right)
            let results = try ParallelMap.map(pairs.count) { index in
                let (name, pair) = pairs[index]
                let leftViews = pair.left.map { scopeComparator.views($0, name: name, side: leftSide) } ?? []
                let rightViews = pair.right.map { scopeComparator.views($0, name: name, side: rightSide) } ?? []
                let scope = scopeComparator.compare(leftViews, rightViews, suite: name)
                let records = CaseRecord.sorted(scope.records)
                return (
                    SuiteComparison(
                        name: name, leftSuiteID: pair.left?.suite.id, rightSuiteID: pair.right?.suite.id,
                        leftCases: leftViews.count, rightCases: rightViews.count,
                        counts: records.reduce(into: StatusCounts()) { $0.count($1) }, records: records),
                    scope
                )
            }
            for (suite, scope) in results {
                suites.append(suite)
                duplicates += scope.duplicates
                keyless.left += scope.keylessLeft
                keyless.right += scope.keylessRight
            }
        }
        suites.sort {
            ($0.name, $0.leftSuiteID ?? 0, $0.rightSuiteID ?? 0) < ($1.name, $1.leftSuiteID ?? 0, $1.rightSuiteID ?? 0)
        }
        duplicates.sort { ($0.suite ?? "", $0.key) < ($1.suite ?? "", $1.key) }
        return ComparisonReport(
            left: Self.side(left, cases: suites.reduce(0) { $0 + $1.leftCases }),
            right: Self.side(right, cases: suites.reduce(0) { $0 + $1.rightCases }), options: options,
            suites: suites, comparedFields: fields.compared, oneSidedFields: fields.oneSided, duplicates: duplicates,
            keylessLeft: keyless.left, keylessRight: keyless.right, notes: notes[0] + notes[1])
    }

    // MARK: Scope

    /// The suites `--suite` names (all when none is named), on each side.
    private func selectSuites(_ left: ProjectData, _ right: ProjectData) throws -> ([SuiteData], [SuiteData]) {
        let filter = SuiteFilter(options.suites)
        try filter.check(available: (left.suites + right.suites).map(\.name))
        return (left.suites.filter { filter.matches($0.name) }, right.suites.filter { filter.matches($0.name) })
    }

    private static func customFields(_ suites: [SuiteData]) -> Set<String> {
        var names = Set<String>()
        for suite in suites {
            for testCase in suite.cases where !testCase.isDeleted {
                for name in testCase.customFields.keys where !names.contains(name) { names.insert(name) }
            }
        }
        return names
    }

    private static func side(_ data: ProjectData, cases: Int) -> ComparisonReport.Side {
        ComparisonReport.Side(
            instance: data.instance, projectID: data.project.id, projectName: data.project.name,
            suiteMode: data.project.suiteMode.rawValue, cases: cases, snapshotTakenAt: data.takenAt)
    }

    /// Suites matched by trimmed name; two single-suite projects pair their only suites whatever their names.
    static func pairSuites(_ lefts: [SuiteData], _ rights: [SuiteData], left: ProjectData, right: ProjectData)
        -> [(String, (left: SuiteData?, right: SuiteData?))]
    {
        if left.project.suiteMode == .singleSuite, right.project.suiteMode == .singleSuite, lefts.count == 1,
            rights.count == 1
        {
            return [(lefts[0].name, (lefts[0], rights[0]))]
        }
        func byName(_ suites: [SuiteData]) -> [String: [SuiteData]] {
            Dictionary(grouping: suites.sorted { $0.suite.id < $1.suite.id }, by: \.name)
        }
        let leftByName = byName(lefts)
        let rightByName = byName(rights)
        var pairs: [(String, (left: SuiteData?, right: SuiteData?))] = []
        for name in Set(leftByName.keys).union(rightByName.keys).sorted() {
            let l = leftByName[name] ?? []
            let r = rightByName[name] ?? []
            for index in 0..<max(l.count, r.count) {
                pairs.append((name, (index < l.count ? l[index] : nil, index < r.count ? r[index] : nil)))
            }
        }
        return pairs
    }
}

extension SuiteData {
    /// The suite's name as suites are matched by: trimmed.
    var name: String { suite.name.trimmingCharacters(in: .whitespacesAndNewlines) }
}
