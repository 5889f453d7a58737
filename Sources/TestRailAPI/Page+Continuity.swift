extension Page {
    /// A `next` link must move forward, and by no more than a page: from `requested`'s offset, past this page's
    /// items and at most its `limit` on. A link further on would skip items unseen — they would be reported removed —
    /// and one at or before the requested offset would go round in a loop.
    ///
    /// | requested offset | items | limit | next offset | verdict            |
    /// |------------------|-------|-------|-------------|--------------------|
    /// | 0                | 250   | 250   | 250         | the next page      |
    /// | 250              | 250   | 250   | 750         | skips 250 items    |
    /// | 250              | 250   | 250   | 0           | goes back: a loop  |
    func checkContinuity(after requested: TestRailEndpoint) throws {
        guard let next, !isLegacy else { return }
        let start = requested.parameter("offset").flatMap { Int($0) } ?? 0
        let nextOffset = next.parameter("offset").flatMap { Int($0) } ?? 0
        let step = Swift.max(limit, items.count)
        guard nextOffset > start, nextOffset <= start + step else {
            let reason =
                nextOffset > start ? "skips \(nextOffset - start - step) items" : "goes back to offset \(nextOffset)"
            throw TestRailError.malformedResponse(
                "the next link of \(requested.description) \(reason): it continues at offset \(nextOffset) after "
                    + "\(items.count) items from offset \(start)")
        }
    }
}
