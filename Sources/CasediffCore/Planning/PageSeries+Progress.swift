extension PageSeries {
    /// Pages this list takes as far as is known: those received once the chain is complete; else the hint's
    /// count or, without one, one more than received, whichever is larger.
    ///
    /// | received | complete | hint        | planned |
    /// |----------|----------|-------------|---------|
    /// | 4        | yes      | any         | 4       |
    /// | 1        | no       | 1000 items  | 4       |
    /// | 2        | no       | none        | 3       |
    var plannedPages: Int {
        if isComplete { return received.count }
        let hinted = expectedItems.map { max(1, ($0 + pageSize - 1) / pageSize) } ?? 0
        return max(received.count + 1, hinted)
    }

    /// The list's length: exact once the chain is complete, else the hint's, else unknown.
    var expectedTotal: Int? {
        isComplete ? itemsOnChain : expectedItems
    }
}
