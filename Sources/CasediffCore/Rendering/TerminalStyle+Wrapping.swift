extension TerminalStyle {
    /// The words as lines of at most the width in terminal columns (``DisplayWidth``), each after `indent` (the
    /// first) or `indent` and two spaces (the rest): a line breaks between words, and a word longer than a line is
    /// split across lines, never cut. Words are painted in their ink when colour is allowed (after measuring, so the
    /// escape sequences take no room). Without a width, one line.
    ///
    /// Linear in the text: each word is measured once, and a word longer than a line is split in one pass over its
    /// characters (a changed value of a million characters in one word is a thousand lines, not a million copies).
    func wrap(_ words: [InkedWord], indent: String) -> [String] {
        let continuation = indent + "  "
        let firstRoom = (width ?? Int.max) - DisplayWidth.columns(indent)
        let otherRoom = (width ?? Int.max) - DisplayWidth.columns(continuation)
        var lines: [[InkedWord]] = [[]]
        var used = 0
        func room() -> Int { lines.count == 1 ? firstRoom : otherRoom }
        func newLine() {
            lines.append([])
            used = 0
        }
        for word in words {
            let columns = DisplayWidth.columns(word.text)
            let gap = lines[lines.count - 1].isEmpty ? 0 : word.gap
            if used + gap + columns <= room() {
                lines[lines.count - 1].append(word)
                used += gap + columns
                continue
            }
            if used > 0 { newLine() }
            if columns <= room() {
                lines[lines.count - 1].append(word)
                used = columns
                continue
            }
            // Longer than a whole line: line-sized pieces, the last (which fits) continued by the next word.
            let text = word.text
            var start = text.startIndex
            var index = start
            var pieceColumns = 0
            while index < text.endIndex {
                let next = DisplayWidth.columns(text[index])
                if pieceColumns > 0, pieceColumns + next > room() {
                    lines[lines.count - 1].append(InkedWord(String(text[start..<index]), ink: word.ink))
                    newLine()
                    start = index
                    pieceColumns = 0
                }
                pieceColumns += next
                index = text.index(after: index)
            }
            lines[lines.count - 1].append(InkedWord(String(text[start...]), ink: word.ink))
            used = pieceColumns
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines.enumerated().map { index, line in
            var text = index == 0 ? indent : continuation
            for (position, word) in line.enumerated() {
                if position > 0 { text += String(repeating: " ", count: word.gap) }
                text += word.ink.map { paint(word.text, $0) } ?? word.text
            }
            return text
        }
    }
}
