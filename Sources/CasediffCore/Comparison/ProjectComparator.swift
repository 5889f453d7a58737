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
        var comparison = try IncrementalComparison(
            options: options, left: left, right: right,
            listings: [.left: left.suites.map(\.suite), .right: right.suites.map(\.suite)], holdAll: true)
        for (side, data) in [(Side.left, left), (.right, right)] {
            for suite in data.suites { _ = comparison.add(suite, side: side) }
        }
        return try comparison.finish()
    }

    /// Suites matched by trimmed name, several of one name in id order; two single-suite projects pair their only
    /// suites whatever their names.
    static func pairSuites(_ lefts: [Suite], _ rights: [Suite], single: Bool) -> [IncrementalComparison.Pair] {
        if single, lefts.count == 1, rights.count == 1 {
            return [.init(name: lefts[0].trimmedName, left: lefts[0].id, right: rights[0].id)]
        }
        func byName(_ suites: [Suite]) -> [String: [Suite]] {
            Dictionary(grouping: suites.sorted { $0.id < $1.id }, by: \.trimmedName)
        }
        let leftByName = byName(lefts)
        let rightByName = byName(rights)
        var pairs: [IncrementalComparison.Pair] = []
        for name in Set(leftByName.keys).union(rightByName.keys).sorted() {
            let l = leftByName[name] ?? []
            let r = rightByName[name] ?? []
            for index in 0..<max(l.count, r.count) {
                pairs.append(
                    .init(
                        name: name, left: index < l.count ? l[index].id : nil,
                        right: index < r.count ? r[index].id : nil))
            }
        }
        return pairs
    }
}

extension SuiteData {
    /// The suite's name as suites are matched by: trimmed.
    var name: String { suite.trimmedName }
}
