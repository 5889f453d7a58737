/// Aligns two step lists the way diff(1) aligns lines: the longest common subsequence of equal steps stays in
/// place, and what lies between is paired by position (edited steps) or left over (inserted or deleted steps).
///
/// | left     | right       | result                                               |
/// |----------|-------------|------------------------------------------------------|
/// | A B C    | A X B C     | X inserted as step 2; A, B, C unchanged              |
/// | A B C    | A B' C      | step 2 edited                                        |
/// | A B C    | A C         | step 2 deleted                                       |
enum StepAlignment {
    enum Operation: Equatable {
        case same(left: Int, right: Int)
        case edited(left: Int, right: Int)
        case deleted(left: Int)
        case inserted(right: Int)
    }

    /// Above this many cells the alignment is by position only (a guard for pathological step lists).
    static let maximumCells = 250_000

    static func align(_ leftCount: Int, _ rightCount: Int, equal: (Int, Int) -> Bool) -> [Operation] {
        var anchors: [(Int, Int)] = []
        if leftCount * rightCount <= maximumCells, leftCount > 0, rightCount > 0 {
            // lengths[i][j]: the LCS of left[i...] and right[j...].
            var lengths = [[Int]](repeating: [Int](repeating: 0, count: rightCount + 1), count: leftCount + 1)
            for i in stride(from: leftCount - 1, through: 0, by: -1) {
                for j in stride(from: rightCount - 1, through: 0, by: -1) {
                    lengths[i][j] =
                        equal(i, j) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < leftCount, j < rightCount {
                if equal(i, j), lengths[i][j] == lengths[i + 1][j + 1] + 1 {
                    anchors.append((i, j))
                    i += 1
                    j += 1
                } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        var operations: [Operation] = []
        var i = 0
        var j = 0
        func gap(to leftEnd: Int, _ rightEnd: Int) {
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
        for (left, right) in anchors {
            gap(to: left, right)
            operations.append(.same(left: left, right: right))
            i = left + 1
            j = right + 1
        }
        gap(to: leftCount, rightCount)
        return operations
    }
}
