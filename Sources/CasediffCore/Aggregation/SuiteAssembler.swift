import TestRailAPI

/// Puts one suite's pages back together: sections in tree order, cases in section order, duplicates dropped.
///
/// Offsets can shift while a suite is crawled (a case added or deleted moves every later case by one), so the same
/// case may arrive on two pages; the first copy wins. Order is TestRail's display order and never the order pages
/// arrived in:
/// - sections depth-first, siblings by `display_order`, then id;
/// - cases by their section's place in that order, then `display_order`, then id.
struct SuiteAssembler {
    /// Sections in depth-first tree order.
    static func orderSections(_ sections: [Section]) -> [Section] {
        let unique = deduplicated(sections, id: \.id)
        let ids = Set(unique.map(\.id))
        var children: [Int?: [Section]] = [:]
        for section in unique {
            let parent = section.parentID.flatMap { ids.contains($0) ? $0 : nil }
            children[parent, default: []].append(section)
        }
        var ordered: [Section] = []
        var visited: Set<Int> = []
        func visit(_ parent: Int?) {
            let siblings = (children[parent] ?? []).sorted { ($0.displayOrder, $0.id) < ($1.displayOrder, $1.id) }
            for section in siblings where visited.insert(section.id).inserted {
                ordered.append(section)
                visit(section.id)
            }
        }
        visit(nil)
        // Sections caught in a parent cycle have no root; keep them, in id order, rather than lose them.
        ordered += unique.filter { !visited.contains($0.id) }.sorted { $0.id < $1.id }
        return ordered
    }

    static func assemble(suite: Suite, sections: [Section], cases: [TestCase]) -> (data: SuiteData, duplicates: Int) {
        let orderedSections = orderSections(sections)
        let rank = Dictionary(
            orderedSections.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let unique = deduplicated(cases, id: \.id)
        // Pages usually arrive in display order already: the keys are computed once, and the cases are only
        // reordered (through their indices, never moving whole cases around) when they are not.
        let keys = unique.map { (rank[$0.sectionID ?? -1] ?? Int.max, $0.displayOrder ?? Int.max, $0.id) }
        let inOrder = zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }
        let orderedCases = inOrder ? unique : keys.indices.sorted { keys[$0] < keys[$1] }.map { unique[$0] }
        let duplicates = (cases.count - unique.count) + (sections.count - Set(sections.map(\.id)).count)
        return (SuiteData(suite: suite, sections: orderedSections, cases: orderedCases), duplicates)
    }

    /// The first item of each id; the array itself (no copy) when every id is distinct, as it almost always is.
    private static func deduplicated<Item>(_ items: [Item], id: (Item) -> Int) -> [Item] {
        var seen = Set<Int>(minimumCapacity: items.count)
        var firstRepeat: Int?
        for (index, item) in items.enumerated() where !seen.insert(id(item)).inserted {
            firstRepeat = index
            break
        }
        guard let firstRepeat else { return items }
        var kept = Array(items[..<firstRepeat])
        for item in items[firstRepeat...] where seen.insert(id(item)).inserted {
            kept.append(item)
        }
        return kept
    }
}
