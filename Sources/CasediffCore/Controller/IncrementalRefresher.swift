import Foundation
import TestRailAPI

/// Runs ``IncrementalRefresh`` for every stored suite of the projects about to be fetched, before the fetch, and
/// saves each suite it proves up to date as fresh pages; the fetch then reads them from the cache.
///
/// Two callers: `--incremental` (every suite the size hints know, stored pages of any age) and a resumed run (the
/// suites the interrupted run stored, only pages it fetched: `storedSince`). Either way a suite is used only
/// when proven consistent with the server now; everything else is fetched.
struct IncrementalRefresher: Sendable {
    let executor: RequestExecutor
    let cache: PageCache
    let instance: String
    let concurrency: Int
    /// Only stored pages fetched at or after this instant make a chain (a resume); nil: any age.
    var storedSince: Date? = nil

    struct Outcome: Sendable {
        var refreshed = 0
        /// Suites whose proof failed (or that could not be refreshed): fetched in full.
        var fullFetches = 0
    }

    func run(_ suites: [(projectID: Int, suiteID: Int)]) async throws -> Outcome {
        // The suites proven are saved in batches beside the refresh, all written before it returns.
        try await cache.withWriter { try await refresh(suites) }
    }

    private func refresh(_ suites: [(projectID: Int, suiteID: Int)]) async throws -> Outcome {
        try await withThrowingTaskGroup(of: Bool?.self) { group in
            var outcome = Outcome()
            var running = 0
            func record(_ result: Bool?) {
                switch result {
                case true?: outcome.refreshed += 1
                case false?: outcome.fullFetches += 1
                case nil: break
                }
            }
            for next in suites {
                if running >= max(1, concurrency), let result = try await group.next() {
                    record(result)
                    running -= 1
                }
                group.addTask { try await refresh(projectID: next.projectID, suiteID: next.suiteID) }
                running += 1
            }
            for try await result in group { record(result) }
            return outcome
        }
    }

    /// True when the suite was brought up to date, false when it must be fetched in full, nil when the store holds
    /// too little of it to try.
    func refresh(projectID: Int, suiteID: Int) async throws -> Bool? {
        guard let stored = await storedChain(projectID: projectID, suiteID: suiteID),
            stored.pages >= IncrementalRefresh.minimumPages,
            let since = IncrementalRefresh.since(stored.cases, fetchSpan: stored.span)
        else { return nil }
        let base = TestRailEndpoint.getCases(projectID: projectID, suiteID: suiteID)
        do {
            let suite = PageKey(instance: "", resource: .cases, projectID: projectID, suiteID: suiteID)
            let deltaPages: [Page<TestCase>] = try await executor.pages(
                base.setting("updated_after", to: String(since)), key: suite, marking: "delta")
            if deltaPages.contains(where: \.isLegacy) { return false }
            let delta = deltaPages.flatMap(\.items)
            let merged = IncrementalRefresh.merge(stored: stored.cases, delta: delta)
            let proofOffset = max(0, merged.count - 1)
            var probe = base.setting("limit", to: "1")
            if !merged.isEmpty { probe = probe.setting("offset", to: String(proofOffset)) }
            var proof = suite
            proof.offset = proofOffset
            let last = try Page<TestCase>.decode(
                try await executor.perform(probe, unit: proof.label(marking: "proof")).data,
                itemsKey: proof.resource.itemsKey)
            let ids = Set(merged.map(\.id))
            guard !last.isLegacy, last.next == nil, last.items.count == (merged.isEmpty ? 0 : 1),
                last.items.allSatisfy({ ids.contains($0.id) })
            else { return false }
            for (offset, page) in IncrementalRefresh.pages(
                merged, projectID: projectID, suiteID: suiteID, pageSize: stored.pageSize)
            {
                await cache.save(.cases(page), for: key(projectID, suiteID, offset: offset))
            }
            return true
        } catch let error as TestRailError where error == .cancelled {
            throw CancellationError()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Whatever went wrong here, the full fetch will meet it again and report it properly.
            return false
        }
    }

    private func key(_ projectID: Int, _ suiteID: Int, offset: Int) -> PageKey {
        PageKey(instance: instance, resource: .cases, projectID: projectID, suiteID: suiteID, offset: offset)
    }

    /// Every stored case page of the suite, following `next` from offset 0; nil unless the chain is whole.
    private func storedChain(projectID: Int, suiteID: Int) async
        -> (cases: [TestCase], pages: Int, span: TimeInterval, pageSize: Int)?
    {
        var cases: [TestCase] = []
        var offset = 0
        var pages = 0
        var pageSize = TestRailEndpoint.maximumPageSize
        var first = Date.distantFuture
        var last = Date.distantPast
        while pages < 100_000 {
            guard let stored = await cache.stored(key(projectID, suiteID, offset: offset)),
                case .cases(let page) = stored.payload, !page.isLegacy,
                stored.fetchedAt >= storedSince ?? .distantPast
            else { return nil }
            if offset == 0, page.limit > 0 { pageSize = page.limit }
            cases += page.items
            pages += 1
            first = min(first, stored.fetchedAt)
            last = max(last, stored.fetchedAt)
            guard let next = page.next else {
                return (cases, pages, last.timeIntervalSince(first), pageSize)
            }
            offset = next.parameter("offset").flatMap { Int($0) } ?? offset + page.items.count
        }
        return nil
    }
}
