import TestRailAPI

/// What one scope (a suite pair, or both whole projects with `--cross-suite`) produced.
struct ScopeResult: Sendable {
    var records: [CaseRecord] = []
    var duplicates: [DuplicateKey] = []
    var keylessLeft = 0
    var keylessRight = 0
}

/// The settings one comparison runs with, and the pairing of one scope's cases.
struct Context: Sendable {
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
        case .field(let field):
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

    func compareScope(_ lefts: [CaseView], _ rights: [CaseView], suite: String?) -> ScopeResult {
        var result = ScopeResult()
        let (leftByKey, keylessLeft) = Self.index(lefts)
        let (rightByKey, keylessRight) = Self.index(rights)
        result.keylessLeft = keylessLeft.count
        result.keylessRight = keylessRight.count
        var unmatchedLeft = keylessLeft.map { (index: $0, duplicate: false) }
        var unmatchedRight = keylessRight.map { (index: $0, duplicate: false) }
        var pairs: [(left: Int, right: Int, duplicate: Bool)] = []
        for (key, ls) in leftByKey {
            let rs = rightByKey[key] ?? []
            let duplicate = ls.count > 1 || rs.count > 1
            if duplicate {
                result.duplicates.append(DuplicateKey(suite: suite, key: key, left: ls.count, right: rs.count))
            }
            if ls.count == 1, rs.count == 1 {
                pairs.append((ls[0], rs[0], false))
                continue
            }
            let paired = pairDuplicates(ls, rs, lefts, rights)
            pairs += paired.pairs.map { ($0.0, $0.1, duplicate) }
            unmatchedLeft += paired.leftOver.map { ($0, duplicate) }
            unmatchedRight += paired.rightOver.map { ($0, duplicate) }
        }
        for (key, rs) in rightByKey where leftByKey[key] == nil {
            if rs.count > 1 { result.duplicates.append(DuplicateKey(suite: suite, key: key, left: 0, right: rs.count)) }
            unmatchedRight += rs.map { ($0, rs.count > 1) }
        }
        if renames {
            let renamed = pairRenames(&unmatchedLeft, &unmatchedRight, lefts, rights)
            pairs += renamed
        }
        let values = values
        for pair in pairs {
            let left = lefts[pair.left]
            let right = rights[pair.right]
            let changes = values.changes(fields, left, right)
            let kinds = Set(changes.map(\.kind))
            let status: CaseStatus =
                kinds.contains(.moved)
                ? .moved : kinds.contains(.renamed) ? .renamed : changes.isEmpty ? .unchanged : .changed
            result.records.append(
                CaseRecord(
                    status: status, key: right.key, left: left.side, right: right.side, changes: changes,
                    duplicate: pair.duplicate, drift: !kinds.isDisjoint(with: options.failOn)))
        }
        let removedDrift = options.failOn.contains(.removed)
        let addedDrift = options.failOn.contains(.added)
        for (index, duplicate) in unmatchedLeft {
            let view = lefts[index]
            result.records.append(
                CaseRecord(
                    status: .removed, key: view.key, left: view.side, right: nil, duplicate: duplicate,
                    drift: removedDrift))
        }
        for (index, duplicate) in unmatchedRight {
            let view = rights[index]
            result.records.append(
                CaseRecord(
                    status: .added, key: view.key, left: nil, right: view.side, duplicate: duplicate, drift: addedDrift)
            )
        }
        return result
    }

    /// The views' indices by match key, and the indices of views without a key.
    private static func index(_ views: [CaseView]) -> (byKey: [String: [Int]], keyless: [Int]) {
        var byKey: [String: [Int]] = [:]
        var keyless: [Int] = []
        for (index, view) in views.enumerated() {
            if view.key.isEmpty {
                keyless.append(index)
            } else {
                byKey[view.key, default: []].append(index)
            }
        }
        return (byKey, keyless)
    }

    /// Takes the best-scored pairs first (ties by left, then right position), each left and right at most once.
    private static func greedyPairs<Score: Comparable>(_ candidates: [(score: Score, l: Int, r: Int)]) -> [(Int, Int)] {
        let ordered = candidates.sorted { ($1.score, $0.l, $0.r) < ($0.score, $1.l, $1.r) }
        var usedLeft = Set<Int>()
        var usedRight = Set<Int>()
        var pairs: [(Int, Int)] = []
        for candidate in ordered where !usedLeft.contains(candidate.l) && !usedRight.contains(candidate.r) {
            usedLeft.insert(candidate.l)
            usedRight.insert(candidate.r)
            pairs.append((candidate.l, candidate.r))
        }
        return pairs
    }

    /// Pairs one key's cases when a side holds several: a partner in the same section first, then the one with
    /// the most compared fields equal; ties in section-path and id order.
    private func pairDuplicates(_ ls: [Int], _ rs: [Int], _ lefts: [CaseView], _ rights: [CaseView])
        -> (pairs: [(Int, Int)], leftOver: [Int], rightOver: [Int])
    {
        func ordered(_ indices: [Int], _ views: [CaseView]) -> [Int] {
            indices.sorted { (views[$0].place, views[$0].testCase.id) < (views[$1].place, views[$1].testCase.id) }
        }
        let ls = ordered(ls, lefts)
        let rs = ordered(rs, rights)
        guard !ls.isEmpty, !rs.isEmpty else { return ([], ls, rs) }
        var candidates: [(score: Int, l: Int, r: Int)] = []
        if ls.count * rs.count <= ProjectComparator.maximumDuplicateCandidates {
            let values = values
            let weight = fields.count + 1
            for (li, l) in ls.enumerated() {
                for (ri, r) in rs.enumerated() {
                    let samePlace = lefts[l].place == rights[r].place ? weight : 0
                    candidates.append((samePlace + values.agreement(fields, lefts[l], rights[r]), li, ri))
                }
            }
        } else {
            // Too many to score: same-section partners in order, then the rest in order.
            for (li, l) in ls.enumerated() {
                for (ri, r) in rs.enumerated() where lefts[l].place == rights[r].place {
                    candidates.append((1, li, ri))
                }
            }
            for li in ls.indices {
                for ri in rs.indices { candidates.append((0, li, ri)) }
            }
        }
        let chosen = Self.greedyPairs(candidates)
        let usedLeft = Set(chosen.map(\.0))
        let usedRight = Set(chosen.map(\.1))
        return (
            chosen.map { (ls[$0.0], rs[$0.1]) },
            ls.enumerated().filter { !usedLeft.contains($0.offset) }.map(\.element),
            rs.enumerated().filter { !usedRight.contains($0.offset) }.map(\.element)
        )
    }

    /// Pairs unmatched cases in the same section whose titles are near, most similar first; removes them from the
    /// unmatched lists.
    private func pairRenames(
        _ unmatchedLeft: inout [(index: Int, duplicate: Bool)], _ unmatchedRight: inout [(index: Int, duplicate: Bool)],
        _ lefts: [CaseView], _ rights: [CaseView]
    ) -> [(left: Int, right: Int, duplicate: Bool)] {
        guard !unmatchedLeft.isEmpty, !unmatchedRight.isEmpty else { return [] }
        func order(_ a: (index: Int, duplicate: Bool), _ b: (index: Int, duplicate: Bool), _ views: [CaseView]) -> Bool
        {
            (views[a.index].titleKey, views[a.index].testCase.id) < (
                views[b.index].titleKey, views[b.index].testCase.id
            )
        }
        let leftByPlace = Dictionary(grouping: unmatchedLeft) { lefts[$0.index].place }
        let rightByPlace = Dictionary(grouping: unmatchedRight) { rights[$0.index].place }
        var renamed: [(left: Int, right: Int, duplicate: Bool)] = []
        var pairedLeft = Set<Int>()
        var pairedRight = Set<Int>()
        for (place, placeLefts) in leftByPlace {
            guard let placeRights = rightByPlace[place],
                placeLefts.count * placeRights.count <= ProjectComparator.maximumRenameCandidates
            else { continue }
            let ls = placeLefts.sorted { order($0, $1, lefts) }
            let rs = placeRights.sorted { order($0, $1, rights) }
            let rightScalars = rs.map { Array(rights[$0.index].titleKey.unicodeScalars) }
            var candidates: [(score: Double, l: Int, r: Int)] = []
            for (li, l) in ls.enumerated() {
                let scalars = Array(lefts[l.index].titleKey.unicodeScalars)
                for ri in rs.indices {
                    if let similarity = TitleSimilarity.similarity(
                        scalars, rightScalars[ri], atLeast: options.renameThreshold)
                    {
                        candidates.append((similarity, li, ri))
                    }
                }
            }
            for (li, ri) in Self.greedyPairs(candidates) {
                let l = ls[li]
                let r = rs[ri]
                renamed.append((l.index, r.index, l.duplicate || r.duplicate))
                pairedLeft.insert(l.index)
                pairedRight.insert(r.index)
            }
        }
        unmatchedLeft.removeAll { pairedLeft.contains($0.index) }
        unmatchedRight.removeAll { pairedRight.contains($0.index) }
        return renamed
    }
}
