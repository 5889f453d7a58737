import TestRailAPI

extension ChangeText {
    /// At most this many characters of one value (of each side of a word diff) go into the table; the JSON diff has
    /// every value whole. Values are wrapped, not cut, so without a cap one huge value would put megabytes into a
    /// terminal.
    static let tableValueLimit = 2_000

    /// Unchanged words kept on either side of a change in the table's word diff; a longer unchanged run shows its
    /// ends and ` … ` between them.
    static let wordDiffContext = 8

    /// What stands for the words an unchanged run leaves out.
    static let elision = "…"

    /// The note after a value cut at ``tableValueLimit``.
    static func moreNote(_ more: Int) -> String {
        "(\(more) more character\(more == 1 ? "" : "s"); the JSON diff has all)"
    }

    /// A change as the table writes it without a word diff: `label: "old" -> "new"`, each value whole up to
    /// ``tableValueLimit`` characters, then `… (N more characters; the JSON diff has all)`.
    static func tableLine(_ change: FieldChange, limit: Int = tableValueLimit) -> String {
        line(change) { value in
            let text = short(value, limit: Int.max)
            guard text.count > limit else { return text }
            return String(text.prefix(limit)) + "… " + moreNote(text.count - limit)
        }
    }

    /// The segments with long unchanged runs shortened to `context` words next to each change, the words between
    /// replaced by one ``elision`` word: a run before the first change keeps its end, one after the last its
    /// start, one between two changes both. A diff without a change is left whole.
    ///
    /// | context | same run between changes | shown                 |
    /// |---------|--------------------------|-----------------------|
    /// | 2       | `a b c d e f`            | `a b … e f`           |
    /// | 2       | `a b c d e` (leading)    | `… d e`               |
    /// | 2       | `a b c d e` (trailing)   | `a b …`               |
    /// | 2       | `a b c d e`              | `a b c d e` (no gain) |
    static func elided(_ segments: [WordDiff.Segment], context: Int = wordDiffContext) -> [WordDiff.Segment] {
        guard segments.contains(where: { if case .same = $0 { return false } else { return true } }) else {
            return segments
        }
        return segments.enumerated().map { index, segment in
            guard case .same(let words) = segment else { return segment }
            let first = index == 0
            let last = index == segments.count - 1
            switch (first, last) {
            case (true, _) where words.count > context + 1:
                return .same([elision] + words.suffix(context))
            case (_, true) where words.count > context + 1:
                return .same(words.prefix(context) + [elision])
            case (false, false) where words.count > 2 * context + 1:
                return .same(words.prefix(context) + [elision] + words.suffix(context))
            default:
                return segment
            }
        }
    }

    /// The segments with each side (the old text: kept and removed words; the new: kept and inserted) cut where it
    /// passes `limit` characters, the word at a cut cut within and ending in `…`; and how many characters of the
    /// words after the cuts were left off (0 when nothing was). After one side's cut the other side's words of the
    /// same stretch of changes still show (`[-rrr…-]{+iii+}`); the next kept words end the diff.
    static func capped(_ segments: [WordDiff.Segment], limit: Int = tableValueLimit) -> (
        segments: [WordDiff.Segment], more: Int
    ) {
        var used = (old: 0, new: 0)
        var cut = (old: false, new: false)
        var stopped = false
        var kept: [WordDiff.Segment] = []
        var more = 0
        for segment in segments {
            let (inOld, inNew): (Bool, Bool)
            switch segment {
            case .same: (inOld, inNew) = (true, true)
            case .removed: (inOld, inNew) = (true, false)
            case .inserted: (inOld, inNew) = (false, true)
            }
            // Past a cut, the next kept words end the diff.
            if (cut.old || cut.new) && inOld && inNew { stopped = true }
            var words: [String] = []
            for word in segment.words {
                let count = word.count
                if stopped || (inOld && cut.old) || (inNew && cut.new) {
                    more += count
                    continue
                }
                let room = min(inOld ? limit - used.old : Int.max, inNew ? limit - used.new : Int.max)
                if count <= room {
                    words.append(word)
                } else {
                    words.append(String(word.prefix(max(0, room))) + "…")
                    more += count - max(0, room)
                    cut = (cut.old || inOld, cut.new || inNew)
                }
                if inOld { used.old += min(count, room) }
                if inNew { used.new += min(count, room) }
            }
            if words.isEmpty { continue }
            switch segment {
            case .same: kept.append(.same(words))
            case .removed: kept.append(.removed(words))
            case .inserted: kept.append(.inserted(words))
            }
        }
        return (kept, more)
    }
}
