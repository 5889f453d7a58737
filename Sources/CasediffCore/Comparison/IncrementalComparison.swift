import Foundation
import TestRailAPI

/// Compares two projects suite pair by suite pair, as their suites arrive: a pair is compared as soon as both of its
/// sides are whole, and handed back with its records to be written and released, so memory grows with the largest
/// suites rather than with the projects.
///
/// It starts from both projects' heads (project, case types, priorities, definitions; suites not needed) and their
/// suite listings, which fix the pairs (``ProjectComparator/pairSuites(_:_:single:)``). Which fields are compared
/// depends on every suite, though: a custom field counts when cases of both projects carry it. Pairs are compared
/// early with the field set the cases seen so far give, once each side has shown a live case; with `--cross-suite`
/// every pair waits for ``finish()``, which compares what is left with the final field set.
///
/// ``finish()`` proves the early comparisons right: if the final field set is not the one they used (a later suite's
/// cases carried a field no earlier case had), it throws ``FieldSetChanged`` and the caller compares again from
/// whole data. The report is always the one ``ProjectComparator/compare(_:_:)`` gives for the whole projects, byte
/// for byte.
struct IncrementalComparison: Sendable {
    /// The early comparisons used another field set than the final one; compare again from whole data.
    struct FieldSetChanged: Error, Sendable {}

    /// The suites of one name on each side, paired in id order.
    struct Pair: Sendable {
        var name: String
        var left: Int?
        var right: Int?
    }

    /// What one field set decides: the fields, their rules, the scope comparator.
    struct Context: Sendable {
        var fields: FieldSelection.Resolved
        var scope: ScopeComparator
    }

    let options: ComparisonOptions
    let heads: [Side: ProjectData]
    private let vocabularies: [Side: SideVocabulary]
    /// Compare nothing before ``finish()``.
    private let holdAll: Bool
    private let pairs: [Pair]
    /// Each side's selected suites in listing order.
    private let order: [Side: [Int]]
    /// Each side's selected suites by id, for the suites' own comparison.
    private let listed: [Side: [Int: Suite]]
    /// Compares a pair's sections; nil when `--resources` leaves sections out.
    private let sections: SectionComparator?
    private var pairOf: [Side: [Int: Int]] = [:]
    private var arrived: [Side: [Int: SuiteData]] = [:]
    private var observed: [Side: Set<String>] = [.left: [], .right: []]
    private var seenCases: [Side: Int] = [.left: 0, .right: 0]
    private var settled: Context?
    private var comparedEarly = false
    private var done: Set<Int> = []
    private var summaries: [SuiteComparison] = []
    /// With the index of the pair that found each, so keys found twice keep the pairs' order whatever order the
    /// pairs were compared in.
    private var duplicates: [(pair: Int, key: DuplicateKey)] = []
    private var keyless = (left: 0, right: 0, pairedByTitle: 0)
    private var cases = (left: 0, right: 0)
    private var unnamed: [Side: UnnamedIDs] = [.left: .init(), .right: .init()]

    /// - Parameters:
    ///   - left, right: the projects; their suites are not read (they arrive through ``add(_:side:)``).
    ///   - listings: every suite each side lists; those `--suite` leaves out are ignored.
    ///   - holdAll: compare every pair in ``finish()`` (the whole-data comparison).
    /// - Throws: ``CasediffError/unknownSuite(_:available:)`` for a `--suite` no side has.
    init(
        options: ComparisonOptions, left: ProjectData, right: ProjectData, listings: [Side: [Suite]],
        holdAll: Bool
    ) throws {
        self.options = options
        heads = [.left: left, .right: right]
        let filter = SuiteFilter(options.suites)
        try filter.check(
            available: (listings[.left] ?? []).map(\.trimmedName) + (listings[.right] ?? []).map(\.trimmedName))
        let selected = listings.mapValues { $0.filter { filter.matches($0.trimmedName) } }
        order = selected.mapValues { $0.map(\.id) }
        listed = selected.mapValues { Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        let normalizer = TextNormalizer(ignoreCase: options.ignoreCase)
        sections =
            options.compares(.sections)
            ? SectionComparator(
                values: ValueComparator(normalizer: normalizer), normalizer: normalizer,
                renameThreshold: options.renameThreshold < 1 ? options.renameThreshold : nil,
                compareOrder: options.fields.asksForOrder, drift: options.drift) : nil
        pairs = ProjectComparator.pairSuites(
            selected[.left] ?? [], selected[.right] ?? [],
            single: left.project.suiteMode == .singleSuite && right.project.suiteMode == .singleSuite)
        for (index, pair) in pairs.enumerated() {
            if let id = pair.left { pairOf[.left, default: [:]][id] = index }
            if let id = pair.right { pairOf[.right, default: [:]][id] = index }
        }
        let vocabularies = [Side.left: left, .right: right].mapValues {
            SideVocabulary($0, compareAttachments: options.compareAttachments)
        }
        self.vocabularies = vocabularies
        self.holdAll = holdAll || options.crossSuite
    }

    /// Takes one whole suite; returns the pairs it completes when the field set is settled, each to be compared
    /// anywhere (``PairWork/run()``) and handed back (``record(_:)``), else nothing. The pairs returned are no longer
    /// held here: their suites go when their work does.
    mutating func add(_ suite: SuiteData, side: Side) -> [PairWork] {
        guard let index = pairOf[side]?[suite.suite.id], !done.contains(index), arrived[side]?[suite.suite.id] == nil
        else { return [] }
        arrived[side, default: [:]][suite.suite.id] = suite
        for testCase in suite.cases where !testCase.isDeleted {
            seenCases[side]! += 1
            for name in testCase.customFields.keys where !observed[side]!.contains(name) {
                observed[side]!.insert(name)
            }
        }
        guard !holdAll, let context = settledContext() else { return [] }
        // Every pair whole by now: this one, and any that waited for the field set to settle.
        var ready: [PairWork] = []
        for candidate in settled == nil ? Array(pairs.indices) : [index] where isWhole(candidate) {
            ready.append(take(candidate, context))
        }
        settled = context
        comparedEarly = comparedEarly || !ready.isEmpty
        return ready
    }

    /// Counts a compared pair into the report: its summary, duplicates, keyless cases and unnamed ids.
    mutating func record(_ result: PairResult) {
        duplicates += result.duplicates.map { (result.pair, $0) }
        keyless.left += result.keyless.left
        keyless.right += result.keyless.right
        keyless.pairedByTitle += result.keyless.pairedByTitle
        cases.left += result.suite.leftCases
        cases.right += result.suite.rightCases
        for (side, ids) in result.unnamed { unnamed[side]!.merge(ids) }
        summaries.append(result.suite.withoutRecords)
    }

    /// Compares the pairs still waiting with the final field set and returns the report: its suites in listing
    /// order, with records only for the pairs compared here (the others were handed out by ``add(_:side:)``).
    /// - Throws: ``FieldSetChanged`` when the early comparisons used another field set;
    ///   ``CasediffError/unknownField(_:known:)``; ``CasediffError/incomplete(_:)`` when a listed suite never came.
    mutating func finish() throws -> ComparisonReport {
        let leftCustom = observed[.left]!
        let rightCustom = observed[.right]!
        if case .field(.custom(let name), let typed) = options.match, !leftCustom.contains(name),
            !rightCustom.contains(name)
        {
            throw CasediffError.unknownMatchField(typed, name: name, known: leftCustom.union(rightCustom).sorted())
        }
        let context = try makeContext(leftCustom: leftCustom, rightCustom: rightCustom)
        // Only the compared fields shape a pair's records; the one-sided ones are the report's alone.
        if comparedEarly, let settled, settled.fields.compared != context.fields.compared { throw FieldSetChanged() }
        let waiting = pairs.indices.filter { !done.contains($0) }
        guard waiting.allSatisfy(isWhole) else { throw CasediffError.incomplete([]) }
        var suites = summaries
        if options.crossSuite {
            suites += compareAcross(context)
        } else {
            let works = waiting.map { take($0, context) }
            for result in ParallelMap.map(works.count, { works[$0].run() }) {
                record(result)
                suites.append(result.suite)
            }
        }
        suites.sort {
            ($0.name, $0.leftSuiteID ?? 0, $0.rightSuiteID ?? 0) < ($1.name, $1.leftSuiteID ?? 0, $1.rightSuiteID ?? 0)
        }
        duplicates.sort { ($0.key.suite ?? "", $0.key.key, $0.pair) < ($1.key.suite ?? "", $1.key.key, $1.pair) }
        let fields = context.fields.compared
        let resources = try ResourceComparator(options: options).compare(
            heads: heads,
            suites: pairs.map { pair in
                (pair.name, pair.left.flatMap { listed[.left]?[$0] }, pair.right.flatMap { listed[.right]?[$0] })
            }, vocabularies: vocabularies)
        let notes = [Side.left, .right].flatMap { side in
            unnamed[side]!.notes(
                side: side == .left ? "left" : "right", data: heads[side]!, vocabulary: vocabularies[side]!,
                fields: fields)
        }
        return ComparisonReport(
            left: Self.side(heads[.left]!, cases: cases.left), right: Self.side(heads[.right]!, cases: cases.right),
            options: options, suites: suites, comparedFields: fields, oneSidedFields: context.fields.oneSided,
            duplicates: duplicates.map(\.key), keylessLeft: keyless.left, keylessRight: keyless.right,
            keylessPairedByTitle: keyless.pairedByTitle, notes: notes, resources: resources)
    }

    /// The report as known before any suite: the two sides (their case counts still 0) and the options; what a
    /// renderer's suite part may read.
    var shell: ComparisonReport {
        ComparisonReport(
            left: Self.side(heads[.left]!, cases: 0), right: Self.side(heads[.right]!, cases: 0), options: options,
            suites: [], comparedFields: [])
    }

    // MARK: Settling

    /// The context for the field set, once both sides have shown their cases' fields; nil before.
    ///
    /// The set is taken as settled as soon as each side has a live case: projects almost always carry the same
    /// custom fields in every suite (TestRail sends every field configured for the project, null when unset), and
    /// ``finish()`` proves it, sending the caller back to the whole comparison when a later suite changed it.
    private func settledContext() -> Context? {
        if let settled { return settled }
        guard seenCases[.left]! > 0, seenCases[.right]! > 0 else { return nil }
        return try? makeContext(leftCustom: observed[.left]!, rightCustom: observed[.right]!)
    }

    private func makeContext(leftCustom: Set<String>, rightCustom: Set<String>) throws -> Context {
        let fields = try options.fields.resolve(leftCustom: leftCustom, rightCustom: rightCustom)
        let (leftSide, rightSide) = (vocabularies[.left]!, vocabularies[.right]!)
        func rule(_ field: CompareField) -> ValueRule {
            guard case .custom(let name) = field else { return ValueRule.rule(for: field, left: nil, right: nil) }
            return ValueRule.rule(for: field, left: leftSide.fields?[name], right: rightSide.fields?[name])
        }
        var matchRule = ValueRule.plain
        if case .field(let field, _) = options.match { matchRule = rule(field) }
        let scope = ScopeComparator(
            options: options, fields: fields.compared.map { ($0, rule($0)) }, matchRule: matchRule,
            normalizer: TextNormalizer(ignoreCase: options.ignoreCase),
            renames: options.detectsRenames && fields.compared.contains(.title))
        return Context(fields: fields, scope: scope)
    }

    // MARK: Comparing

    private func isWhole(_ index: Int) -> Bool {
        let pair = pairs[index]
        return (pair.left.map { arrived[.left]?[$0] != nil } ?? true)
            && (pair.right.map { arrived[.right]?[$0] != nil } ?? true)
    }

    /// A whole pair's work, its suites no longer held here.
    private mutating func take(_ index: Int, _ context: Context) -> PairWork {
        let pair = pairs[index]
        done.insert(index)
        return PairWork(
            index: index, pair: pair, left: pair.left.flatMap { arrived[.left]?.removeValue(forKey: $0) },
            right: pair.right.flatMap { arrived[.right]?.removeValue(forKey: $0) }, context: context,
            vocabularies: vocabularies, sections: sections)
    }

    /// `--cross-suite`: every case of a side in one scope, then the records grouped by suite name.
    private mutating func compareAcross(_ context: Context) -> [SuiteComparison] {
        // In listing order, each view named by its suite's own name, as sent.
        let leftSuites = (order[.left] ?? []).compactMap { arrived[.left]?[$0] }
        let rightSuites = (order[.right] ?? []).compactMap { arrived[.right]?[$0] }
        let scopeComparator = context.scope
        let leftViews = leftSuites.flatMap {
            scopeComparator.views($0, name: $0.suite.name, side: vocabularies[.left]!)
        }
        let rightViews = rightSuites.flatMap {
            scopeComparator.views($0, name: $0.suite.name, side: vocabularies[.right]!)
        }
        let scope = scopeComparator.compare(leftViews, rightViews, suite: nil)
        duplicates += scope.duplicates.map { (0, $0) }
        keyless.left += scope.keylessLeft
        keyless.right += scope.keylessRight
        keyless.pairedByTitle += scope.pairedByTitle
        let grouped = Dictionary(grouping: options.compares(.cases) ? scope.records : []) { $0.current.suite }
        let names = Set(leftSuites.map(\.name)).union(rightSuites.map(\.name)).union(grouped.keys)
        let leftCases = leftViews.reduce(into: [String: Int]()) { $0[$1.suite, default: 0] += 1 }
        let rightCases = rightViews.reduce(into: [String: Int]()) { $0[$1.suite, default: 0] += 1 }
        var result: [SuiteComparison] = []
        for name in names {
            let records = CaseRecord.sorted(grouped[name] ?? [])
            let leftSuite = leftSuites.first { $0.name == name }
            let rightSuite = rightSuites.first { $0.name == name }
            // Every suite of the name's sections, as its cases are pooled.
            func sections(_ suites: [SuiteData]) -> [Section]? {
                let named = suites.filter { $0.name == name }
                return named.isEmpty ? nil : named.flatMap(\.sections)
            }
            result.append(
                SuiteComparison(
                    name: name, leftSuiteID: leftSuite?.suite.id, rightSuiteID: rightSuite?.suite.id,
                    leftCases: leftCases[name] ?? 0, rightCases: rightCases[name] ?? 0,
                    counts: records.reduce(into: StatusCounts()) { $0.count($1) }, records: records,
                    sections: self.sections?.compare(
                        sections(leftSuites), sections(rightSuites), suite: name, vocabularies: vocabularies)))
        }
        cases.left += result.reduce(0) { $0 + $1.leftCases }
        cases.right += result.reduce(0) { $0 + $1.rightCases }
        for suite in leftSuites {
            unnamed[.left]!.scan(suite, vocabulary: vocabularies[.left]!, fields: context.fields.compared)
        }
        for suite in rightSuites {
            unnamed[.right]!.scan(suite, vocabulary: vocabularies[.right]!, fields: context.fields.compared)
        }
        arrived = [:]
        done = Set(pairs.indices)
        return result
    }

    private static func side(_ data: ProjectData, cases: Int) -> ComparisonReport.Side {
        ComparisonReport.Side(
            instance: data.instance, projectID: data.project.id, projectName: data.project.name,
            suiteMode: data.project.suiteMode.rawValue, cases: cases, snapshotTakenAt: data.takenAt,
            snapshotFile: data.snapshotFile)
    }
}

extension SuiteComparison {
    /// The summary alone, its records written out and let go.
    var withoutRecords: SuiteComparison {
        var summary = self
        summary.records = []
        summary.sections?.records = []
        return summary
    }
}

/// One whole suite pair and all it takes to compare it: compared on any thread (``run()``), its result handed back
/// to ``IncrementalComparison/record(_:)``.
struct PairWork: Sendable {
    /// The pair's place among the comparison's pairs.
    let index: Int
    let pair: IncrementalComparison.Pair
    let left: SuiteData?
    let right: SuiteData?
    let context: IncrementalComparison.Context
    let vocabularies: [Side: SideVocabulary]
    let sections: SectionComparator?

    /// The pair compared: its records in listing order, and what it adds to the report.
    func run() -> PairResult {
        let scope = context.scope
        // Both sides' views at once: the last pair of a run is compared with nothing else left to do.
        let (left, right, pair, vocabularies) = (left, right, pair, vocabularies)
        let views = ParallelMap.map(2) { index -> [CaseView] in
            let (suite, side) = index == 0 ? (left, Side.left) : (right, Side.right)
            return suite.map { scope.views($0, name: pair.name, side: vocabularies[side]!) } ?? []
        }
        let (leftViews, rightViews) = (views[0], views[1])
        // `--resources` without cases: none were fetched, and none are compared.
        let result =
            scope.options.compares(.cases) ? scope.compare(leftViews, rightViews, suite: pair.name) : ScopeResult()
        let records = CaseRecord.sorted(result.records)
        var unnamed: [Side: UnnamedIDs] = [:]
        for (side, suite) in [(Side.left, left), (.right, right)] {
            guard let suite else { continue }
            unnamed[side, default: .init()].scan(
                suite, vocabulary: vocabularies[side]!, fields: context.fields.compared)
        }
        return PairResult(
            pair: index,
            suite: SuiteComparison(
                name: pair.name, leftSuiteID: pair.left, rightSuiteID: pair.right, leftCases: leftViews.count,
                rightCases: rightViews.count, counts: records.reduce(into: StatusCounts()) { $0.count($1) },
                records: records,
                sections: sections?.compare(
                    left?.sections, right?.sections, suite: pair.name, vocabularies: vocabularies)),
            duplicates: result.duplicates, keyless: (result.keylessLeft, result.keylessRight, result.pairedByTitle),
            unnamed: unnamed)
    }
}

/// What comparing one pair gave: the suite's comparison (records and all until written) and its share of the
/// report's duplicates, keyless cases and unnamed ids.
struct PairResult: Sendable {
    /// The pair's place among the comparison's pairs.
    var pair: Int
    var suite: SuiteComparison
    var duplicates: [DuplicateKey]
    var keyless: (left: Int, right: Int, pairedByTitle: Int)
    var unnamed: [Side: UnnamedIDs]
}
