/// The difference between two texts word by word, as `git diff --word-diff` shows it: the words both share, and runs
/// of words removed from the old text and inserted in the new one.
///
/// Words are the runs of non-white-space characters; white space is not compared (the outputs join words with one
/// space). The words are aligned by a longest common subsequence after cutting the common prefix and suffix; when
/// the rest would take more than ``maximumCells`` table cells (500 × 500 words), it is one removal and one insertion,
/// so a report with thousands of rewritten long texts costs no quadratic time. Words are compared as integer ids
/// (each distinct word interned once), so the table's cells compare integers, not strings.
///
/// | old                          | new                              | segments                                           |
/// |------------------------------|----------------------------------|----------------------------------------------------|
/// | `Order confirmed`            | `Order confirmed and e-mailed`   | same `Order confirmed`, inserted `and e-mailed`     |
/// | `A Google account without 2FA` | `A Google account with 2FA`    | same `A Google account`, removed `without`, inserted `with`, same `2FA` |
/// | `a b c`                      | `x y z`                          | removed `a b c`, inserted `x y z`                   |
public enum WordDiff {
    /// One run of words: kept, removed (only in the old text) or inserted (only in the new text).
    public enum Segment: Sendable, Hashable {
        case same([String])
        case removed([String])
        case inserted([String])

        public var words: [String] {
            switch self {
            case .same(let words), .removed(let words), .inserted(let words): return words
            }
        }
    }

    /// Above this many cells (old words × new words, after the common ends), the middle is not aligned.
    public static let maximumCells = 250_000

    /// The texts' words.
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The segments that turn `old` into `new`; within one change the removal comes before the insertion, and
    /// neighbouring segments never have the same kind.
    public static func diff(_ old: String, _ new: String, maximumCells: Int = maximumCells) -> [Segment] {
        diff(words(old), words(new), maximumCells: maximumCells)
    }

    public static func diff(_ old: [String], _ new: [String], maximumCells: Int = maximumCells) -> [Segment] {
        // Each distinct word becomes an Int once, so the ends and the table compare integers, not strings.
        var ids: [String: Int] = [:]
        func intern(_ words: [String]) -> [Int] {
            words.map { word in
                if let id = ids[word] { return id }
                let id = ids.count
                ids[word] = id
                return id
            }
        }
        let oldIDs = intern(old)
        let newIDs = intern(new)
        var prefix = 0
        while prefix < old.count, prefix < new.count, oldIDs[prefix] == newIDs[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            oldIDs[old.count - 1 - suffix] == newIDs[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = prefix..<(old.count - suffix)
        let b = prefix..<(new.count - suffix)
        let edits: [Edit] =
            a.isEmpty || b.isEmpty || a.count * b.count > maximumCells
            ? a.map(Edit.removed) + b.map(Edit.inserted) : align(oldIDs[a], newIDs[b])
        var segments: [Segment] = []
        func append(_ make: ([String]) -> Segment, _ words: [String]) {
            if !words.isEmpty { segments.append(make(words)) }
        }
        append(Segment.same, Array(old[..<prefix]))
        // Runs: within a stretch of changes, every removed word first, then every inserted one.
        var removed: [String] = []
        var inserted: [String] = []
        var same: [String] = []
        for edit in edits {
            switch edit {
            case .same(let index):
                if !removed.isEmpty || !inserted.isEmpty {
                    append(Segment.removed, removed)
                    append(Segment.inserted, inserted)
                    removed = []
                    inserted = []
                }
                same.append(old[index])
            case .removed(let index):
                append(Segment.same, same)
                same = []
                removed.append(old[index])
            case .inserted(let index):
                append(Segment.same, same)
                same = []
                inserted.append(new[index])
            }
        }
        append(Segment.same, same)
        append(Segment.removed, removed)
        append(Segment.inserted, inserted)
        append(Segment.same, Array(old[(old.count - suffix)...]))
        // The prefix and the first kept run, or the last kept run and the suffix, may have met.
        var merged: [Segment] = []
        for segment in segments {
            if case .same(let words) = segment, case .same(let before)? = merged.last {
                merged[merged.count - 1] = .same(before + words)
            } else {
                merged.append(segment)
            }
        }
        return merged
    }

    /// A longest common subsequence's edit script: kept (by the old word's index), removed (the old word's index)
    /// and inserted (the new word's index) in order; ties keep removals before insertions, so the result does not
    /// depend on anything but the words.
    private enum Edit {
        case same(Int)
        case removed(Int)
        case inserted(Int)
    }

    /// The edit script between two slices of word ids; the edits carry the slices' own indices.
    private static func align(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>) -> [Edit] {
        let (aStart, bStart) = (a.startIndex, b.startIndex)
        let columns = b.count + 1
        // lengths[i * columns + j]: the LCS length of a[aStart + i...] and b[bStart + j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * columns)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] =
                    a[aStart + i] == b[bStart + j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[aStart + i] == b[bStart + j] {
                edits.append(.same(aStart + i))
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                edits.append(.removed(aStart + i))
                i += 1
            } else {
                edits.append(.inserted(bStart + j))
                j += 1
            }
        }
        edits += (aStart + i..<a.endIndex).map(Edit.removed)
        edits += (bStart + j..<b.endIndex).map(Edit.inserted)
        return edits
    }

    /// The segments as one line of plain text: `kept [-removed-]{+inserted+} kept` (`git diff --word-diff=plain`).
    public static func plain(_ segments: [Segment]) -> String {
        var out = ""
        var previous: Segment?
        for segment in segments {
            let text = segment.words.joined(separator: " ")
            // An insertion follows the removal it replaces directly: `[-old-]{+new+}`.
            if let previous {
                if case .removed = previous, case .inserted = segment {} else { out += " " }
            }
            switch segment {
            case .same: out += text
            case .removed: out += "[-" + text + "-]"
            case .inserted: out += "{+" + text + "+}"
            }
            previous = segment
        }
        return out
    }
}
