import TestRailAPI

extension ChangeText {
    /// From this many characters in either value, a text change is shown as one word diff instead of `old -> new`.
    static let wordDiffLength = 30

    /// The word diff between a change's two values when it is worth showing: both are text, either is longer than
    /// ``wordDiffLength``, and they share a word (else `old -> new` reads better); nil otherwise.
    static func wordDiff(_ change: FieldChange) -> [WordDiff.Segment]? {
        guard label(change) != nil, let old = text(change.old), let new = text(change.new),
            max(old.count, new.count) > wordDiffLength
        else { return nil }
        let segments = WordDiff.diff(old, new)
        guard segments.contains(where: { if case .same = $0 { return true } else { return false } }) else {
            return nil
        }
        return segments
    }

    /// A text value's text: a string, or a rich text's `content`.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let string): return string
        case .object(let object): return object["content"].flatMap(text)
        default: return nil
        }
    }

    /// A change as the table shows it, word by word, wrapped rather than cut: `label: "old" -> "new"`, or for long
    /// text `label: "… kept [-removed-]{+inserted+} kept …"` with long unchanged runs elided (``elided(_:context:)``).
    /// A value (a side of the word diff) longer than ``tableValueLimit`` is cut there and ends with
    /// `… (N more characters; the JSON diff has all)`. With `color`, removed and inserted words are painted
    /// (``InkedWord/removedInk``, ``InkedWord/insertedInk``) instead of marked.
    static func words(_ change: FieldChange, color: Bool) -> [InkedWord] {
        guard let segments = wordDiff(change), let label = label(change) else {
            return InkedWord.words(tableLine(change))
        }
        let (shown, more) = capped(elided(segments))
        var words = [InkedWord(label + ":"), InkedWord("\"")]
        var previous: WordDiff.Segment?
        for segment in shown {
            var run: [InkedWord]
            switch segment {
            case .same(let texts):
                run = texts.map { InkedWord($0) }
            case .removed(let texts):
                run = texts.map { InkedWord($0, ink: color ? InkedWord.removedInk : nil) }
                if !color { mark(&run, "[-", "-]") }
            case .inserted(let texts):
                run = texts.map { InkedWord($0, ink: color ? InkedWord.insertedInk : nil) }
                if !color { mark(&run, "{+", "+}") }
                if case .removed? = previous { run[0].gap = 0 }
            }
            if previous == nil { run[0].gap = 0 }
            words += run
            previous = segment
        }
        if more > 0 {
            words += InkedWord.words(moreNote(more))
        } else {
            words.append(InkedWord("\"", gap: 0))
        }
        return words
    }

    /// A change on one line of plain text for JUnit, diffed once: the word diff for long text with long unchanged
    /// runs elided as in the table (`label: "… kept [-old-]{+new+} kept …"`, so a change deep in a long text still
    /// shows; cut at `limit` characters with `…`), else `label: "old" -> "new"` with each value cut at `limit`.
    static func plainLine(_ change: FieldChange, limit: Int) -> String {
        guard let segments = wordDiff(change), let label = label(change) else { return line(change, limit: limit) }
        var diff = WordDiff.plain(elided(segments))
        if diff.count > limit { diff = String(diff.prefix(max(0, limit - 1))) + "…" }
        return label + ": " + quoted(diff)
    }

    private static func mark(_ run: inout [InkedWord], _ open: String, _ close: String) {
        run[0].text = open + run[0].text
        run[run.count - 1].text += close
    }
}
