import Foundation
import TestRailAPI

/// Compares one scope (a suite pair, or both whole projects with `--cross-suite`) under one comparison's settings:
/// it builds each side's case views with their match keys, has ``CasePairing`` pair them, and turns every pair and
/// every unpaired case into a ``CaseRecord``.
struct ScopeComparator: Sendable {
    let options: ComparisonOptions
    /// The compared fields in listing order, each with how its values are judged the same.
    let fields: [(field: CompareField, rule: ValueRule)]
    /// How a `--match field:` key's text is normalised.
    let matchRule: ValueRule
    let normalizer: TextNormalizer
    /// Rename detection is on: `--match title|path`, a threshold below 1, and the title compared.
    let renames: Bool

    var display: TextNormalizer { TextNormalizer(ignoreCase: false) }
    var values: ValueComparator { ValueComparator(normalizer: normalizer) }

    /// The suite's live cases as views, keyed by the match key.
    func views(_ suite: SuiteData, name: String, side: SideVocabulary) -> [CaseView] {
        let paths = SectionPaths(suite.sections)
        let display = display
        var views: [CaseView] = []
        views.reserveCapacity(suite.cases.count)
        for testCase in suite.cases where !testCase.isDeleted {
            var view = CaseView(
                testCase, suite: name, sectionPath: paths.path(of: testCase.sectionID), crossSuite: options.crossSuite,
                normalizer: normalizer, display: display, vocabulary: side)
            view.key = key(of: view)
            views.append(view)
        }
        return views
    }

    private func key(of view: CaseView) -> String {
        switch options.match {
        case .title:
            return view.titleKey
        case .path:
            let place = normalizer.normalize(view.place)
            return place.isEmpty ? view.titleKey : place + SectionPaths.separator + view.titleKey
        case .id:
            return "C\(view.testCase.id)"
        case .field(let field, _):
            switch view.value(field) {
            case .null: return ""
            case .string(let text):
                return normalizer.normalize(text, markup: matchRule == .markup)
            case .int(let number): return String(number)
            case .double(let number): return String(number)
            case .number(let text): return text
            case .bool(let flag): return String(flag)
            case .array(let items):
                // A multi-select or labels: its values as a set.
                return items.compactMap(\.stringValue).map { normalizer.normalize($0) }.sorted().joined(
                    separator: ", ")
            case .object: return ""
            }
        }
    }

    /// From this many pairs on, a scope's pairs are compared on every core.
    static let parallelPairs = 20_000

    /// The scope's records: its pairs compared field by field, then the removed, then the added.
    func compare(_ lefts: [CaseView], _ rights: [CaseView], suite: String?) -> ScopeResult {
        let values = values
        // `--match field:`: a case without the field's value is paired by its title instead.
        var keylessByTitle = false
        if case .field = options.match { keylessByTitle = true }
        let pairing = CasePairing(
            lefts, rights, suite: suite, fields: fields, values: values,
            renameThreshold: renames ? options.renameThreshold : nil, keylessByTitle: keylessByTitle)
        var result = ScopeResult(
            duplicates: pairing.duplicates, keylessLeft: pairing.keylessLeft, keylessRight: pairing.keylessRight,
            pairedByTitle: pairing.pairedByTitle)
        // A large scope's pairs are compared in slices on every core (the last suite of a run is compared while
        // nothing else is left to do); the records keep the pairs' order.
        let pairs = pairing.pairs
        let slices = pairs.count >= Self.parallelPairs ? ProcessInfo.processInfo.activeProcessorCount : 1
        let failOn = options.failOn
        let fields = fields
        let sliced = ParallelMap.map(slices) { slice -> [CaseRecord] in
            let range = pairs.count * slice / slices..<pairs.count * (slice + 1) / slices
            return pairs[range].map { pair in
                let left = lefts[pair.left]
                let right = rights[pair.right]
                let changes = values.changes(fields, left, right)
                let kinds = Set(changes.map(\.kind))
                let status: CaseStatus =
                    CaseStatus.ofPair(changing: kinds)
                return CaseRecord(
                    status: status, key: right.key, left: left.side, right: right.side, changes: changes,
                    duplicate: pair.duplicate, drift: !kinds.isDisjoint(with: failOn))
            }
        }
        result.records.reserveCapacity(pairs.count + pairing.unmatchedLeft.count + pairing.unmatchedRight.count)
        for records in sliced { result.records += records }
        let removedDrift = options.failOn.contains(.removed)
        let addedDrift = options.failOn.contains(.added)
        for (index, duplicate) in pairing.unmatchedLeft {
            let view = lefts[index]
            result.records.append(
                CaseRecord(
                    status: .removed, key: view.key, left: view.side, right: nil, duplicate: duplicate,
                    drift: removedDrift))
        }
        for (index, duplicate) in pairing.unmatchedRight {
            let view = rights[index]
            result.records.append(
                CaseRecord(
                    status: .added, key: view.key, left: nil, right: view.side, duplicate: duplicate, drift: addedDrift)
            )
        }
        return result
    }
}
