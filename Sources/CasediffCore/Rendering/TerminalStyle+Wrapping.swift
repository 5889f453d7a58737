extension TerminalStyle {
    /// The words as lines of at most the width, each after `indent` (the first) or `indent` and two spaces (the
    /// rest): a line breaks between words, and a word longer than a line is split across lines, never cut. Words are
    /// painted in their ink when colour is allowed. Without a width, one line.
    func wrap(_ words: [InkedWord], indent: String) -> [String] {
        let continuation = indent + "  "
        var lines: [[InkedWord]] = [[]]
        var used = 0
        for word in words {
            var rest = word
            while true {
                let room = (width ?? Int.max) - (lines.count == 1 ? indent.count : continuation.count)
                let gap = lines[lines.count - 1].isEmpty ? 0 : rest.gap
                if used + gap + rest.text.count <= room {
                    lines[lines.count - 1].append(rest)
                    used += gap + rest.text.count
                    break
                }
                if used > 0 {
                    lines.append([])
                    used = 0
                    continue
                }
                // Longer than a whole line: as much as fits here, the rest on the next.
                let fits = max(1, room)
                lines[lines.count - 1].append(InkedWord(String(rest.text.prefix(fits)), ink: rest.ink))
                rest = InkedWord(String(rest.text.dropFirst(fits)), ink: rest.ink)
                lines.append([])
                used = 0
                if rest.text.isEmpty { break }
            }
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
