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
        let orderedCases = unique.sorted {
            let left = (rank[$0.sectionID ?? -1] ?? Int.max, $0.displayOrder ?? Int.max, $0.id)
            let right = (rank[$1.sectionID ?? -1] ?? Int.max, $1.displayOrder ?? Int.max, $1.id)
            return left < right
        }
        let duplicates = (cases.count - unique.count) + (sections.count - Set(sections.map(\.id)).count)
        return (SuiteData(suite: suite, sections: orderedSections, cases: orderedCases), duplicates)
    }

    private static func deduplicated<Item>(_ items: [Item], id: (Item) -> Int) -> [Item] {
        var seen: Set<Int> = []
        return items.filter { seen.insert(id($0)).inserted }
    }
}
