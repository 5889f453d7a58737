import Foundation
import TestRailAPI

/// Compares one suite pair's section trees, empty sections included, by path and never by id.
///
/// Sections pair down the tree: the roots by name, then the children of each pair by name; several of one name
/// under one parent pair by what they hold (description, children's names), then in sibling order. Under a pair, unpaired children whose names are at least the rename
/// threshold similar pair as renames, most similar first. What is left pairs across the tree by name as moves (a
/// section under another parent) when that name is unique among the unpaired on both sides, and the children of
/// every such pair pair under it in turn. A section's descendants therefore follow a move or a rename of it rather
/// than each being reported.
///
/// A pair is `moved` when its parents are not a pair (or one is at the root), `renamed` when its names differ, and
/// `changed` when its description differs (as text, like a case's Text field), or, when `--fields` names
/// `display_order`, its rank among the siblings both sides have.
struct SectionComparator: Sendable {
    let values: ValueComparator
    let normalizer: TextNormalizer
    /// The similarity at and above which two names under one parent are a rename; nil turns renames off.
    let renameThreshold: Double?
    /// Compare the order among siblings (`--fields display_order`).
    let compareOrder: Bool
    let drift: DriftRule

    /// One side's tree.
    private struct Tree {
        struct Node {
            var section: Section
            var name: String
            var key: String
            var parent: Int?
            var path: String
        }
        var nodes: [Int: Node] = [:]
        /// Children in sibling order (display order, then id); `nil` keys the roots.
        var children: [Int?: [Int]] = [:]

        init(_ sections: [Section], normalizer: TextNormalizer) {
            let known = Set(sections.map(\.id))
            for section in sections where nodes[section.id] == nil {
                let name = section.name.trimmingCharacters(in: .whitespacesAndNewlines)
                // A parent the suite does not list makes a root; a section its own parent too.
                let parent = section.parentID.flatMap { known.contains($0) && $0 != section.id ? $0 : nil }
                nodes[section.id] = Node(
                    section: section, name: name, key: normalizer.normalize(name), parent: parent, path: "")
            }
            // A cycle (corrupt data) is cut once, above the section of the least name on it, which becomes a root;
            // whatever hangs from the cycle stays where it is.
            var settled: Set<Int> = []
            for id in nodes.keys.sorted() where !settled.contains(id) {
                var walk: [Int] = []
                var place: [Int: Int] = [:]
                var current: Int? = id
                while let step = current, place[step] == nil, !settled.contains(step) {
                    place[step] = walk.count
                    walk.append(step)
                    current = nodes[step]!.parent
                }
                if let step = current, let start = place[step] {
                    let cut = walk[start...].min {
                        (nodes[$0]!.key, nodes[$0]!.name, $0) < (nodes[$1]!.key, nodes[$1]!.name, $1)
                    }!
                    nodes[cut]!.parent = nil
                }
                settled.formUnion(walk)
            }
            for id in nodes.keys { children[nodes[id]!.parent, default: []].append(id) }
            for key in children.keys {
                children[key]!.sort {
                    (nodes[$0]!.section.displayOrder, $0) < (nodes[$1]!.section.displayOrder, $1)
                }
            }
            // Paths from the root down, on the tree as cut.
            var queue = children[nil] ?? []
            var next = 0
            while next < queue.count {
                let id = queue[next]
                next += 1
                let name = nodes[id]!.name
                nodes[id]!.path = nodes[id]!.parent.map { nodes[$0]!.path + SectionPaths.separator + name } ?? name
                queue += children[id] ?? []
            }
        }

        /// The keys of a section's children, for telling sections of one name apart.
        func childKeys(_ id: Int) -> [String] { (children[id] ?? []).map { nodes[$0]!.key }.sorted() }
    }

    /// - Parameters:
    ///   - suite: the suite's name, as records name it.
    ///   - left, right: each side's sections; nil for a suite only the other side has.
    func compare(
        _ left: [Section]?, _ right: [Section]?, suite: String, vocabularies: [Side: SideVocabulary]
    ) -> ResourceComparison {
        let lefts = Tree(left ?? [], normalizer: normalizer)
        let rights = Tree(right ?? [], normalizer: normalizer)
        var pairs: [Int: Int] = [:]
        var paired: Set<Int> = []
        var queue: [(Int?, Int?)] = [(nil, nil)]

        /// How alike two sections of one name are, to pair several of one name by what they hold rather than by
        /// their order: the same description counts most, then the same children's names.
        func likeness(_ l: Int, _ r: Int) -> Int {
            let description = (
                vocabularies[.left]!.text(lefts.nodes[l]!.section.description.map(JSONValue.string) ?? .null),
                vocabularies[.right]!.text(rights.nodes[r]!.section.description.map(JSONValue.string) ?? .null)
            )
            let sameDescription = values.same(description.0, description.1, .markup)
            return (sameDescription ? 2 : 0) + (lefts.childKeys(l) == rights.childKeys(r) ? 1 : 0)
        }

        /// Pairs the unpaired children of a pair (or the roots), by name then as renames; queues every new pair.
        func pairChildren(_ l: Int?, _ r: Int?) {
            let ls = (lefts.children[l] ?? []).filter { pairs[$0] == nil }
            let rs = (rights.children[r] ?? []).filter { !paired.contains($0) }
            var rightsByKey: [String: [Int]] = [:]
            for id in rs { rightsByKey[rights.nodes[id]!.key, default: []].append(id) }
            var leftsByKey: [String: [Int]] = [:]
            var keys: [String] = []
            for id in ls {
                let key = lefts.nodes[id]!.key
                if leftsByKey[key] == nil { keys.append(key) }
                leftsByKey[key, default: []].append(id)
            }
            for key in keys {
                guard let candidates = rightsByKey[key] else { continue }
                let group = leftsByKey[key]!
                if group.count == 1, candidates.count == 1 {
                    join(group[0], candidates[0])
                    continue
                }
                // Several of one name: the most alike pairs first, both sides' sibling order breaking ties, so
                // which side is the left changes nothing.
                var options: [(likeness: Int, left: Int, right: Int)] = []
                for (li, id) in group.enumerated() {
                    for (ri, other) in candidates.enumerated() { options.append((likeness(id, other), li, ri)) }
                }
                options.sort { ($1.likeness, $0.left + $0.right, $0.left) < ($0.likeness, $1.left + $1.right, $1.left) }
                var usedLeft: Set<Int> = []
                var usedRight: Set<Int> = []
                for option in options where !usedLeft.contains(option.left) && !usedRight.contains(option.right) {
                    usedLeft.insert(option.left)
                    usedRight.insert(option.right)
                    join(group[option.left], candidates[option.right])
                }
            }
            let unmatched = ls.filter { pairs[$0] == nil }
            let rest = rs.filter { !paired.contains($0) }
            // Above this many name pairs under one parent, renames are not looked for (it would cost seconds).
            guard let threshold = renameThreshold, !unmatched.isEmpty, !rest.isEmpty,
                unmatched.count * rest.count <= CasePairing.maximumRenameCandidates
            else { return }
            var candidates: [(score: Double, l: Int, r: Int)] = []
            let restScalars = rest.map { Array(rights.nodes[$0]!.key.unicodeScalars) }
            for (li, id) in unmatched.enumerated() {
                let scalars = Array(lefts.nodes[id]!.key.unicodeScalars)
                for (ri, otherScalars) in restScalars.enumerated() {
                    if let similarity = TitleSimilarity.similarity(scalars, otherScalars, atLeast: threshold) {
                        candidates.append((similarity, li, ri))
                    }
                }
            }
            for (li, ri) in CasePairing.greedyPairs(candidates) { join(unmatched[li], rest[ri]) }
        }
        func join(_ l: Int, _ r: Int) {
            pairs[l] = r
            paired.insert(r)
            queue.append((l, r))
        }
        func drain() {
            var next = 0
            while next < queue.count {
                let (l, r) = queue[next]
                next += 1
                pairChildren(l, r)
            }
            queue = []
        }
        drain()
        // Moves: a section still unpaired pairs with the one unpaired section of its name on the other side,
        // wherever it is, when that name is unique among the unpaired on both sides (a common name such as
        // "Negative" says nothing about where a section went); its subtree pairs under it. Repeated while it pairs
        // anything, since a subtree paired can leave a name unique.
        while true {
            var leftsByKey: [String: [Int]] = [:]
            for (id, node) in lefts.nodes where pairs[id] == nil { leftsByKey[node.key, default: []].append(id) }
            var rightsByKey: [String: [Int]] = [:]
            for (id, node) in rights.nodes where !paired.contains(id) {
                rightsByKey[node.key, default: []].append(id)
            }
            let moves = leftsByKey.compactMap { key, ids -> (Int, Int)? in
                guard ids.count == 1, let others = rightsByKey[key], others.count == 1 else { return nil }
                return (ids[0], others[0])
            }
            guard !moves.isEmpty else { break }
            for (l, r) in moves.sorted(by: { $0.0 < $1.0 }) { join(l, r) }
            drain()
        }

        let (leftRanks, rightRanks) = ranks(lefts, rights, pairs)
        var records: [CaseRecord] = []
        func side(_ tree: Tree, _ id: Int) -> CaseRecord.Side {
            let node = tree.nodes[id]!
            return CaseRecord.Side(
                id: id, suite: suite, sectionPath: node.parent.map { tree.nodes[$0]!.path } ?? "", title: node.name)
        }
        for (l, r) in pairs {
            let (ln, rn) = (lefts.nodes[l]!, rights.nodes[r]!)
            var changes: [FieldChange] = []
            let moved: Bool
            switch (ln.parent, rn.parent) {
            case (nil, nil): moved = false
            case (let parent?, let other?): moved = pairs[parent] != other
            default: moved = true
            }
            if moved {
                let old = ln.parent.map { JSONValue.string(lefts.nodes[$0]!.path) } ?? .null
                let new = rn.parent.map { JSONValue.string(rights.nodes[$0]!.path) } ?? .null
                changes.append(FieldChange(field: "parent", old: old, new: new, kind: .moved))
            }
            if ln.key != rn.key {
                changes.append(FieldChange(field: "name", old: .string(ln.name), new: .string(rn.name), kind: .renamed))
            }
            let description = (
                vocabularies[.left]!.text(ln.section.description.map(JSONValue.string) ?? .null),
                vocabularies[.right]!.text(rn.section.description.map(JSONValue.string) ?? .null)
            )
            changes += values.changes(.custom("description"), .markup, description.0, description.1)
            if compareOrder, let old = leftRanks[l], let new = rightRanks[r], old != new {
                changes.append(
                    FieldChange(field: "display_order", old: .int(Int64(old)), new: .int(Int64(new)), kind: .changed))
            }
            let kinds = Set(changes.map(\.kind))
            let status: CaseStatus =
                CaseStatus.ofPair(changing: kinds)
            records.append(
                CaseRecord(
                    status: status, key: rn.path, left: side(lefts, l), right: side(rights, r), changes: changes,
                    drift: drift.counts(.sections, kinds), resource: .sections))
        }
        for id in lefts.nodes.keys where pairs[id] == nil {
            records.append(
                CaseRecord(
                    status: .removed, key: lefts.nodes[id]!.path, left: side(lefts, id), right: nil,
                    drift: drift.counts(.sections, [.removed]), resource: .sections))
        }
        for id in rights.nodes.keys where !paired.contains(id) {
            records.append(
                CaseRecord(
                    status: .added, key: rights.nodes[id]!.path, left: nil, right: side(rights, id),
                    drift: drift.counts(.sections, [.added]), resource: .sections))
        }
        return ResourceComparison(
            resource: .sections, left: lefts.nodes.count, right: rights.nodes.count,
            records: Self.sorted(records))
    }

    /// Each paired section's rank (1, 2, …) among its siblings that are paired with siblings of its pair: a section
    /// added or removed beside it shifts nothing.
    private func ranks(_ lefts: Tree, _ rights: Tree, _ pairs: [Int: Int]) -> ([Int: Int], [Int: Int]) {
        guard compareOrder else { return ([:], [:]) }
        var leftRanks: [Int: Int] = [:]
        var rightRanks: [Int: Int] = [:]
        let back = Dictionary(pairs.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (parent, children) in lefts.children {
            let rightParent = parent.flatMap { pairs[$0] }
            if parent != nil, rightParent == nil { continue }
            let kept = children.filter { pairs[$0].map { rights.nodes[$0]!.parent == rightParent } ?? false }
            for (index, id) in kept.enumerated() { leftRanks[id] = index + 1 }
            let rightKept = (rights.children[rightParent] ?? []).filter {
                back[$0].map { lefts.nodes[$0]!.parent == parent } ?? false
            }
            for (index, id) in rightKept.enumerated() { rightRanks[id] = index + 1 }
        }
        return (leftRanks, rightRanks)
    }

    /// In tree order: by the path the record names (the right one when it has one), then ids.
    static func sorted(_ records: [CaseRecord]) -> [CaseRecord] {
        records.map { ($0.current.path, $0.left?.id ?? 0, $0.right?.id ?? 0, $0) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }
}
