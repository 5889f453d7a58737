/// A word of a line the table wraps, with the ANSI colour it is painted in on a colour terminal.
struct InkedWord: Sendable, Hashable {
    /// Red, struck through: words only the old value has.
    static let removedInk = "31;9"
    /// Green, underlined: words only the new value has.
    static let insertedInk = "32;4"

    /// The word; it may hold spaces (`[C4 -> C298]`), and is then kept on one line when it fits one.
    var text: String
    /// The SGR parameters (`31;9`); nil for the terminal's own colour.
    var ink: String?
    /// The spaces before it within a line: 1 between words, 0 for a word that follows the one before directly (a
    /// closing quote, an insertion right after a removal). None at the start of a line.
    var gap: Int

    init(_ text: String, ink: String? = nil, gap: Int = 1) {
        self.text = text
        self.ink = ink
        self.gap = gap
    }

    /// The words of a line, all in one ink; a run of spaces between two words is their gap.
    static func words(_ line: String, ink: String? = nil) -> [InkedWord] {
        var words: [InkedWord] = []
        var gap = 0
        for part in line.split(separator: " ", omittingEmptySubsequences: false) {
            gap += 1
            if part.isEmpty { continue }
            words.append(InkedWord(String(part), ink: ink, gap: gap))
            gap = 0
        }
        return words
    }
}
