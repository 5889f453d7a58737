import Foundation
import TestRailAPI

/// Brings a stored suite up to date with `get_cases&updated_after=…` instead of fetching every page again
/// (`--incremental`), and proves the result before it is used; any doubt means a full fetch.
///
/// For a suite whose every case page is stored (a complete chain, however old):
///
/// 1. **Bound.** `since` = the newest `updated_on` among the stored cases − the time the stored pages took to
///    fetch − 60 s. Any edit made after casediff read a page carries a server timestamp at least the server's time
///    when the first page was read, and that is ≥ newest `updated_on` − fetch span: no clock needs to agree.
/// 2. **Delta.** Every page of `get_cases&suite_id=S&updated_after=since`: cases edited, moved in or created since.
/// 3. **Merge.** Stored cases, each replaced by its delta copy; delta cases not stored are added.
/// 4. **Proof of count.** One request, `offset = merged − 1, limit = 1`, must return exactly one case and no
///    `next`: the suite holds exactly as many cases as the merge. A deleted case, or one moved to another suite,
///    is in no delta, so it makes the suite smaller than the merge and the proof fails; then the suite is
///    fetched in full.
///
/// | stored | delta                       | suite now | merged | proof at offset | result       |
/// |--------|-----------------------------|-----------|--------|-----------------|--------------|
/// | 1 2 3  | 2′                          | 1 2′ 3    | 3      | 2 → 1 case      | 1 2′ 3       |
/// | 1 2 3  | 4 (new)                     | 1 2 3 4   | 4      | 3 → 1 case      | 1 2 3 4      |
/// | 1 2 3  | — (3 deleted)               | 1 2       | 3      | 2 → none        | full fetch   |
/// | 1 2 3  | 4 (new; 3 moved out)        | 1 2 4     | 4      | 3 → none        | full fetch   |
///
/// The merged cases are saved as the suite's pages, so the planner then reads them like any fresh page;
/// sections are always fetched in full (TestRail gives them no `updated_on`). It pays off from three case pages
/// on (two requests instead of three or more); smaller suites are simply fetched.
public enum IncrementalRefresh {
    /// Suites smaller than this many pages are fetched in full.
    static let minimumPages = 3
    static let margin: TimeInterval = 60

    /// The `updated_after` bound for stored cases fetched over `fetchSpan` seconds; nil when no case has a time.
    static func since(_ cases: [TestCase], fetchSpan: TimeInterval) -> Int? {
        guard let newest = cases.compactMap({ $0.updatedOn ?? $0.createdOn }).max() else { return nil }
        return newest - Int(fetchSpan.rounded(.up)) - Int(margin)
    }

    /// Stored cases with the delta applied: replaced in place, new ones after them (the assembler orders them).
    static func merge(stored: [TestCase], delta: [TestCase]) -> [TestCase] {
        var updated = Dictionary(delta.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var merged = stored.map { updated.removeValue(forKey: $0.id) ?? $0 }
        merged += delta.filter { updated.removeValue(forKey: $0.id) != nil }
        return merged
    }

    /// The merged cases as the pages a full fetch would have stored: `pageSize` per page, each linking to the next.
    static func pages(_ cases: [TestCase], projectID: Int, suiteID: Int, pageSize: Int) -> [(Int, Page<TestCase>)] {
        let base = TestRailEndpoint.getCases(projectID: projectID, suiteID: suiteID)
        return stride(from: 0, to: max(cases.count, 1), by: pageSize).map { offset in
            let items = Array(cases[offset..<min(cases.count, offset + pageSize)])
            let nextOffset = offset + pageSize
            let next =
                nextOffset < cases.count
                ? base.setting("limit", to: String(pageSize)).setting("offset", to: String(nextOffset)) : nil
            return (offset, Page(items: items, offset: offset, limit: pageSize, size: items.count, next: next))
        }
    }
}
