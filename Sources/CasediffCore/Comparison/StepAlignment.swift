/// Aligns two step lists the way diff(1) aligns lines: the longest common subsequence of equal steps stays in
/// place. Between those, steps that are alike (the same content) pair as edits, again in order; what is left pairs
/// by position when both sides have some, and is otherwise inserted or deleted.
///
/// | left      | right         | result                                                |
/// |-----------|---------------|-------------------------------------------------------|
/// | A B C     | A X B C       | X inserted as step 2; A, B, C the same                |
/// | A B C     | A B' C        | step 2 edited                                         |
/// | A B C     | A C           | step 2 deleted                                        |
/// | A B       | A X B'        | X inserted as step 2; B' (same content as B) edited   |
enum StepAlignment {
    enum Operation: Equatable {
        case same(left: Int, right: Int)
        case edited(left: Int, right: Int)
        case deleted(left: Int)
        case inserted(right: Int)
    }

    /// Above this many cells the alignment is by position only (a guard for pathological step lists).
    static let maximumCells = 250_000

    static func align(
        _ leftCount: Int, _ rightCount: Int, equal: (Int, Int) -> Bool, alike: (Int, Int) -> Bool = { _, _ in false }
    ) -> [Operation] {
        var operations: [Operation] = []
        var i = 0
        var j = 0
        for (left, right) in anchors(0..<leftCount, 0..<rightCount, equal) {
            operations += gap(i..<left, j..<right, alike)
            operations.append(.same(left: left, right: right))
            i = left + 1
            j = right + 1
        }
        return operations + gap(i..<leftCount, j..<rightCount, alike)
    }

    /// Between two equal steps: alike steps pair as edits in order, the rest by position, then inserted or deleted.
    private static func gap(_ lefts: Range<Int>, _ rights: Range<Int>, _ alike: (Int, Int) -> Bool) -> [Operation] {
        var operations: [Operation] = []
        var i = lefts.lowerBound
        var j = rights.lowerBound
        func positional(to leftEnd: Int, _ rightEnd: Int) {
            while i < leftEnd, j < rightEnd {
                operations.append(.edited(left: i, right: j))
                i += 1
                j += 1
            }
            while i < leftEnd {
                operations.append(.deleted(left: i))
                i += 1
            }
            while j < rightEnd {
                operations.append(.inserted(right: j))
                j += 1
            }
        }
        if lefts.count != rights.count {
            for (left, right) in anchors(lefts, rights, alike) {
                positional(to: left, right)
                operations.append(.edited(left: left, right: right))
                i = left + 1
                j = right + 1
            }
        }
        positional(to: lefts.upperBound, rights.upperBound)
        return operations
    }

    /// The pairs of a longest common subsequence under `match`, in order; none when the table would be too large.
    private static func anchors(_ lefts: Range<Int>, _ rights: Range<Int>, _ match: (Int, Int) -> Bool) -> [(Int, Int)]
    {
        let n = lefts.count
        let m = rights.count
        guard n > 0, m > 0, n * m <= maximumCells else { return [] }
        // lengths[a][b]: the LCS of lefts[a...] and rights[b...] (offsets from the ranges' starts).
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for a in stride(from: n - 1, through: 0, by: -1) {
            for b in stride(from: m - 1, through: 0, by: -1) {
                lengths[a][b] =
                    match(lefts.lowerBound + a, rights.lowerBound + b)
                    ? lengths[a + 1][b + 1] + 1 : max(lengths[a + 1][b], lengths[a][b + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var a = 0
        var b = 0
        while a < n, b < m {
            if lengths[a][b] == lengths[a + 1][b + 1] + 1, match(lefts.lowerBound + a, rights.lowerBound + b) {
                pairs.append((lefts.lowerBound + a, rights.lowerBound + b))
                a += 1
                b += 1
            } else if lengths[a + 1][b] >= lengths[a][b + 1] {
                a += 1
            } else {
                b += 1
            }
        }
        return pairs
    }
}
