/// A word of a line the table wraps, with the ANSI colour it is painted in on a colour terminal.
struct InkedWord: Sendable, Hashable {
    /// Red, struck through: words only the old value has.
    static let removedInk = "31;9"
    /// Green, underlined: words only the new value has.
    static let insertedInk = "32;4"

    var text: String
    /// The SGR parameters (`31;9`); nil for the terminal's own colour.
    var ink: String?
    /// Follows the word before it without a space (a closing quote, an insertion right after a removal).
    var attached: Bool

    init(_ text: String, ink: String? = nil, attached: Bool = false) {
        self.text = text
        self.ink = ink
        self.attached = attached
    }

    /// The words of a line whose words are separated by single spaces, all in one ink.
    static func words(_ line: String, ink: String? = nil) -> [InkedWord] {
        line.split(separator: " ", omittingEmptySubsequences: false).map { InkedWord(String($0), ink: ink) }
    }
}
