/// The difference between two texts word by word, as `git diff --word-diff` shows it: the words both share, and runs
/// of words removed from the old text and inserted in the new one.
///
/// Words are the runs of non-white-space characters; white space is not compared (the outputs join words with one
/// space). The words are aligned by a longest common subsequence after cutting the common prefix and suffix; when
/// the rest would take more than ``maximumCells`` table cells (500 × 500 words), it is one removal and one insertion,
/// so a report with thousands of rewritten long texts costs no quadratic time.
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
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        let edits: [Edit] =
            a.isEmpty || b.isEmpty || a.count * b.count > maximumCells
            ? a.map(Edit.removed) + b.map(Edit.inserted) : align(a, b)
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
            case .same(let word):
                if !removed.isEmpty || !inserted.isEmpty {
                    append(Segment.removed, removed)
                    append(Segment.inserted, inserted)
                    removed = []
                    inserted = []
                }
                same.append(word)
            case .removed(let word), .inserted(let word):
                append(Segment.same, same)
                same = []
                if case .removed = edit { removed.append(word) } else { inserted.append(word) }
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

    /// A longest common subsequence's edit script: kept, removed and inserted words in order; ties keep removals
    /// before insertions, so the result does not depend on anything but the words.
    private enum Edit {
        case same(String)
        case removed(String)
        case inserted(String)
    }

    private static func align(_ a: [String], _ b: [String]) -> [Edit] {
        let columns = b.count + 1
        // lengths[i * columns + j]: the LCS length of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * columns)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                edits.append(.same(a[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                edits.append(.removed(a[i]))
                i += 1
            } else {
                edits.append(.inserted(b[j]))
                j += 1
            }
        }
        edits += a[i...].map(Edit.removed)
        edits += b[j...].map(Edit.inserted)
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
