/// The columns a text takes on a terminal, so wrapping and fitting measure what the terminal draws rather than
/// characters: an East Asian wide character or an emoji takes two columns, a combining mark or a zero-width character
/// none. ANSI escape sequences are not understood; measure text before painting it.
///
/// | text                | characters | columns |
/// |---------------------|------------|---------|
/// | `abc`               | 3          | 3       |
/// | `中文`               | 2          | 4       |
/// | `😀`                | 1          | 2       |
/// | `e` + U+0301        | 1          | 1       |
/// | `👩‍👩‍👧` (ZWJ sequence) | 1          | 2       |
/// | `🇸🇪` (flag)          | 1          | 2       |
/// | U+200B, U+0301 alone, `\t` | 1    | 0       |
public enum DisplayWidth {
    /// Scalars drawn two columns wide: East Asian Wide and Fullwidth, emoji with emoji presentation and the regional
    /// indicators that pair into flags (sorted, not overlapping).
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F1E6...0x1F1FF, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
        0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD,
    ]

    /// The emoji presentation selector: the character before it is drawn as a (two-column) emoji.
    static let emojiPresentation: UInt32 = 0xFE0F

    /// The columns of one character (a grapheme cluster): 2 when any of its scalars is wide or it asks for emoji
    /// presentation, 0 for a control character or one made only of zero-width scalars, else 1.
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        if scalars.first!.properties.generalCategory == .control { return 0 }
        var zeroWidth = true
        for scalar in scalars {
            if scalar.value == emojiPresentation || isWide(scalar.value) { return 2 }
            if zeroWidth && !isZeroWidth(scalar) { zeroWidth = false }
        }
        return zeroWidth ? 0 : 1
    }

    /// The columns of a text: the sum of its characters'.
    public static func columns<Text: StringProtocol>(_ text: Text) -> Int {
        var total = 0
        for character in text { total += columns(character) }
        return total
    }

    /// The end of the longest start of `text` that takes at most `columns` columns, and the columns it takes.
    public static func prefix<Text: StringProtocol>(_ text: Text, columns limit: Int) -> (end: Text.Index, columns: Int)
    {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = columns(text[index])
            if used + width > limit { break }
            used += width
            index = text.index(after: index)
        }
        return (index, used)
    }

    /// The spaces that fill `text` out to `columns` columns (none when it takes that many or more): a column of a
    /// table stays aligned whatever its cells' wide or zero-width characters.
    public static func padding<Text: StringProtocol>(_ text: Text, to limit: Int) -> String {
        String(repeating: " ", count: max(0, limit - columns(text)))
    }

    /// The text cut to `columns` columns, the cut marked with `…` (which takes one of them); whole when it fits.
    public static func fit(_ text: String, columns limit: Int) -> String {
        let (end, _) = prefix(text, columns: limit)
        if end == text.endIndex { return text }
        return String(text[..<prefix(text, columns: max(0, limit - 1)).end]) + "…"
    }

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wide.count
        while low < high {
            let middle = (low + high) / 2
            if wide[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < wide.count && wide[low].contains(value)
    }

    /// Zero-width spaces and joiners, word joiners and invisible operators, the byte order mark, variation
    /// selectors, and combining marks.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}
