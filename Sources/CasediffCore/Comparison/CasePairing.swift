import TestRailAPI

/// Which of one scope's left and right cases are the same case, and which are on one side only; cases are named by
/// their index in the scope's views.
///
/// The pairing rule, in order (the one statement of it; unmatched cases are reported added or removed):
/// 1. Cases with the same key pair up. A key held by several cases on a side is reported (``DuplicateKey``); such
///    cases pair first with one in the same section, then by the most compared fields equal, ties in section-path
///    and id order; the surplus stays unmatched.
/// 2. With `keylessByTitle` (`--match field:`), a case without a key pairs by its exact title with an unpaired case
///    of the same title on the other side, in the same section first, then anywhere in the scope; at each step
///    keyless with keyless, then keyless with keyed on either side (a key added or removed is then a change of that
///    field). Several of one title pair as duplicates of a key do. Never as a rename.
/// 3. With a rename threshold, unmatched cases in the same section whose titles are at least that similar
///    (``TitleSimilarity``) pair as renames, most similar first.
/// 4. What is left stays unmatched.
struct CasePairing: Sendable {
    /// Above this many title pairs in one section, rename detection skips the section (it would cost seconds).
    static let maximumRenameCandidates = 250_000
    /// Above this many pairs among one key's duplicates, they pair in section-path and id order only.
    static let maximumDuplicateCandidates = 10_000

    /// Paired cases: same-key pairs first, then renames; `duplicate` when the key is held by several cases.
    private(set) var pairs: [(left: Int, right: Int, duplicate: Bool)] = []
    /// Left cases with no partner (removed), keyless ones first.
    private(set) var unmatchedLeft: [(index: Int, duplicate: Bool)] = []
    /// Right cases with no partner (added), keyless ones first.
    private(set) var unmatchedRight: [(index: Int, duplicate: Bool)] = []
    /// The keys held by more than one case on a side.
    private(set) var duplicates: [DuplicateKey] = []
    /// How many left cases have an empty match key (they can pair only as renames).
    private(set) var keylessLeft = 0
    /// How many right cases have an empty match key.
    private(set) var keylessRight = 0
    /// How many pairs were made by title for a keyless case (rule 2).
    private(set) var pairedByTitle = 0

    /// Pairs `lefts` with `rights`; `fields` and `values` judge which duplicates agree most, and `renameThreshold`
    /// (nil: rename detection off) is the least title similarity a rename needs. `keylessByTitle` pairs keyless
    /// cases by title (rule 2).
    init(
        _ lefts: [CaseView], _ rights: [CaseView], suite: String?, fields: [(field: CompareField, rule: ValueRule)],
        values: ValueComparator, renameThreshold: Double?, keylessByTitle: Bool = false
    ) {
        let (leftByKey, keylessLeft) = Self.index(lefts)
        let (rightByKey, keylessRight) = Self.index(rights)
        self.keylessLeft = keylessLeft.count
        self.keylessRight = keylessRight.count
        var unmatchedLeft = keylessLeft.map { (index: $0, duplicate: false) }
        var unmatchedRight = keylessRight.map { (index: $0, duplicate: false) }
        var pairs: [(left: Int, right: Int, duplicate: Bool)] = []
        for (key, ls) in leftByKey {
            let rs = rightByKey[key] ?? []
            let duplicate = ls.count > 1 || rs.count > 1
            if duplicate {
                duplicates.append(DuplicateKey(suite: suite, key: key, left: ls.count, right: rs.count))
            }
            if ls.count == 1, rs.count == 1 {
                pairs.append((ls[0], rs[0], false))
                continue
            }
            let paired = Self.pairDuplicates(ls, rs, lefts, rights, fields: fields, values: values)
            pairs += paired.pairs.map { ($0.0, $0.1, duplicate) }
            unmatchedLeft += paired.leftOver.map { ($0, duplicate) }
            unmatchedRight += paired.rightOver.map { ($0, duplicate) }
        }
        for (key, rs) in rightByKey where leftByKey[key] == nil {
            if rs.count > 1 { duplicates.append(DuplicateKey(suite: suite, key: key, left: 0, right: rs.count)) }
            unmatchedRight += rs.map { ($0, rs.count > 1) }
        }
        if keylessByTitle {
            let byTitle = Self.pairKeyless(
                &unmatchedLeft, &unmatchedRight, lefts, rights, keyless: (Set(keylessLeft), Set(keylessRight)),
                fields: fields, values: values)
            pairedByTitle = byTitle.count
            pairs += byTitle
        }
        if let renameThreshold {
            pairs += Self.pairRenames(&unmatchedLeft, &unmatchedRight, lefts, rights, threshold: renameThreshold)
        }
        self.pairs = pairs
        self.unmatchedLeft = unmatchedLeft
        self.unmatchedRight = unmatchedRight
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

    /// Rule 2: keyless cases paired by their exact title, in the same section first, then anywhere in the scope (a
    /// move); at each step keyless with keyless before keyless with keyed; removes them from the unmatched lists.
    /// Never by similarity: a rename of a case without a key is a removed and an added case, so `--fail-on
    /// added,removed` still sees it. A case with an empty title has nothing to pair by.
    private static func pairKeyless(
        _ unmatchedLeft: inout [(index: Int, duplicate: Bool)], _ unmatchedRight: inout [(index: Int, duplicate: Bool)],
        _ lefts: [CaseView], _ rights: [CaseView], keyless: (left: Set<Int>, right: Set<Int>),
        fields: [(field: CompareField, rule: ValueRule)], values: ValueComparator
    ) -> [(left: Int, right: Int, duplicate: Bool)] {
        var found: [(left: Int, right: Int, duplicate: Bool)] = []
        func take(_ pairs: [(left: Int, right: Int, duplicate: Bool)]) {
            let pairedLeft = Set(pairs.map(\.left))
            let pairedRight = Set(pairs.map(\.right))
            unmatchedLeft.removeAll { pairedLeft.contains($0.index) }
            unmatchedRight.removeAll { pairedRight.contains($0.index) }
            found += pairs
        }
        func byTitle(_ ls: [Int], _ rs: [Int], sameSection: Bool) -> [(left: Int, right: Int, duplicate: Bool)] {
            func key(_ view: CaseView) -> String {
                sameSection ? view.sectionPath + "\u{0}" + view.titleKey : view.titleKey
            }
            let leftByTitle = Dictionary(grouping: ls.filter { !lefts[$0].titleKey.isEmpty }) { key(lefts[$0]) }
            let rightByTitle = Dictionary(grouping: rs) { key(rights[$0]) }
            var pairs: [(left: Int, right: Int, duplicate: Bool)] = []
            for title in leftByTitle.keys.sorted() {
                guard let titleLefts = leftByTitle[title], let titleRights = rightByTitle[title] else { continue }
                if titleLefts.count == 1, titleRights.count == 1 {
                    pairs.append((titleLefts[0], titleRights[0], false))
                } else {
                    let paired = pairDuplicates(titleLefts, titleRights, lefts, rights, fields: fields, values: values)
                    pairs += paired.pairs.map { ($0.0, $0.1, false) }
                }
            }
            return pairs
        }
        func indices(_ list: [(index: Int, duplicate: Bool)], keyless set: Set<Int>, _ isKeyless: Bool) -> [Int] {
            list.map(\.index).filter { set.contains($0) == isKeyless }
        }
        for sameSection in [true, false] {
            // keyless with keyless, keyless left with keyed right, keyed left with keyless right
            for (leftKeyless, rightKeyless) in [(true, true), (true, false), (false, true)] {
                take(
                    byTitle(
                        indices(unmatchedLeft, keyless: keyless.left, leftKeyless),
                        indices(unmatchedRight, keyless: keyless.right, rightKeyless), sameSection: sameSection))
            }
        }
        return found
    }

    /// Takes the best-scored pairs first (ties by left, then right position), each left and right at most once.
    static func greedyPairs<Score: Comparable>(_ candidates: [(score: Score, l: Int, r: Int)]) -> [(Int, Int)] {
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
    private static func pairDuplicates(
        _ ls: [Int], _ rs: [Int], _ lefts: [CaseView], _ rights: [CaseView],
        fields: [(field: CompareField, rule: ValueRule)], values: ValueComparator
    ) -> (pairs: [(Int, Int)], leftOver: [Int], rightOver: [Int]) {
        func ordered(_ indices: [Int], _ views: [CaseView]) -> [Int] {
            indices.sorted { (views[$0].place, views[$0].testCase.id) < (views[$1].place, views[$1].testCase.id) }
        }
        let ls = ordered(ls, lefts)
        let rs = ordered(rs, rights)
        guard !ls.isEmpty, !rs.isEmpty else { return ([], ls, rs) }
        var candidates: [(score: Int, l: Int, r: Int)] = []
        if ls.count * rs.count <= maximumDuplicateCandidates {
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
        let chosen = greedyPairs(candidates)
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
    private static func pairRenames(
        _ unmatchedLeft: inout [(index: Int, duplicate: Bool)], _ unmatchedRight: inout [(index: Int, duplicate: Bool)],
        _ lefts: [CaseView], _ rights: [CaseView], threshold: Double
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
                placeLefts.count * placeRights.count <= maximumRenameCandidates
            else { continue }
            let ls = placeLefts.sorted { order($0, $1, lefts) }
            let rs = placeRights.sorted { order($0, $1, rights) }
            let rightScalars = rs.map { Array(rights[$0.index].titleKey.unicodeScalars) }
            var candidates: [(score: Double, l: Int, r: Int)] = []
            for (li, l) in ls.enumerated() {
                let scalars = Array(lefts[l.index].titleKey.unicodeScalars)
                for ri in rs.indices {
                    if let similarity = TitleSimilarity.similarity(scalars, rightScalars[ri], atLeast: threshold) {
                        candidates.append((similarity, li, ri))
                    }
                }
            }
            for (li, ri) in greedyPairs(candidates) {
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
