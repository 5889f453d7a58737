import Foundation

/// The text a Markdown value shows, for comparing it with HTML from the other instance's editor.
///
/// TestRail 9.8+ keeps text as HTML (`<p>…</p>`) where older instances keep Markdown, and a migration may convert one
/// into the other: `**Total**` becomes `<strong>Total</strong>`. When one side is HTML and the other Markdown, both
/// are compared as the text they show — the HTML's tags dropped (``HTMLText``), the Markdown's syntax dropped here.
/// Two Markdown values are still compared as written. Not a Markdown parser: it drops what TestRail's editor writes.
///
/// | markdown                                 | text                           |
/// |------------------------------------------|--------------------------------|
/// | `Tax rate: **20 %**.`                    | `Tax rate: 20 %.`              |
/// | `- Subtotal 10.00` (a list line)         | `Subtotal 10.00`               |
/// | `## Setup`                               | `Setup`                        |
/// | `Click [Apply](https://x/help)`          | `Click Apply`                  |
/// | ``Enter `SAVE10` ``                      | `Enter SAVE10`                 |
/// | `keep snake_case and 2 * 3`              | `keep snake_case and 2 * 3`    |
/// | `Enter <email> \*now\*`                  | `Enter <email> *now*`          |
/// | `See ![chart](a.png)`                    | `See [image a.png]`            |
enum MarkdownText {
    static func text(of markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { inline(block(Substring($0))) }
            .joined(separator: "\n")
    }

    /// A line without its block syntax: heading marks, quote marks, list bullets, rules and table pipes.
    private static func block(_ line: Substring) -> Substring {
        var rest = line.drop(while: { $0 == " " || $0 == "\t" })
        while rest.hasPrefix(">") { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        if rest.hasPrefix("#") {
            let marks = rest.prefix(while: { $0 == "#" })
            if marks.count <= 6, rest.dropFirst(marks.count).first == " " {
                rest = rest.dropFirst(marks.count + 1)
                while rest.hasSuffix("#") || rest.hasSuffix(" ") { rest = rest.dropLast() }
            }
        }
        let compact = rest.filter { $0 != " " }
        if compact.count >= 3, let mark = compact.first, "-*_".contains(mark), compact.allSatisfy({ $0 == mark }) {
            return ""
        }
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            rest = rest.dropFirst(2)
        } else {
            let digits = rest.prefix(while: \.isNumber)
            if !digits.isEmpty, digits.count <= 9, let mark = rest.dropFirst(digits.count).first,
                mark == "." || mark == ")",
                rest.dropFirst(digits.count + 1).first == " "
            {
                rest = rest.dropFirst(digits.count + 2)
            }
        }
        if rest.hasPrefix("|") || rest.hasSuffix("|") {
            if rest.allSatisfy({ "|-: ".contains($0) }) { return "" }
            return Substring(
                rest.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
        }
        return rest
    }

    /// A line without inline syntax: escapes, emphasis, code spans, links and images (their text kept).
    private static func inline(_ line: Substring) -> String {
        let characters = Array(line)
        var out = ""
        var index = 0
        func at(_ position: Int) -> Character {
            position < 0 || position >= characters.count ? " " : characters[position]
        }
        func isPunctuation(_ character: Character) -> Bool { character.isPunctuation || character.isSymbol }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isPunctuation:
                out.append(characters[index + 1])
                index += 2
            case "`":
                index += 1
            case "*", "_", "~":
                // A run of emphasis marks that can open or close a span (CommonMark's flanking rules) is dropped;
                // `2 * 3` and `snake_case` stay.
                var end = index
                while end < characters.count, characters[end] == character { end += 1 }
                let before = at(index - 1)
                let after = at(end)
                let left =
                    !after.isWhitespace && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
                let right =
                    !before.isWhitespace && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
                let opens = character == "_" ? left && (!right || isPunctuation(before)) : left
                let closes = character == "_" ? right && (!left || isPunctuation(after)) : right
                if character == "~" && end - index < 2 || !(opens || closes) {
                    out.append(contentsOf: characters[index..<end])
                }
                index = end
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                // `![alt](src)` reads as HTML's `<img src>` does (``HTMLText``): `[image src]`.
                if let close = characters[(index + 1)...].firstIndex(of: "]"), close + 1 < characters.count,
                    characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")")
                {
                    out += "[image " + String(characters[(close + 2)..<end]) + "]"
                    index = end + 1
                } else {
                    out.append(character)
                    index += 1
                }
            case "[":
                // `[text](url)` reads as its text; anything else is kept as written.
                if let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count,
                    characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")")
                {
                    out += inline(Substring(String(characters[(index + 1)..<close])))
                    index = end + 1
                } else {
                    out.append(character)
                    index += 1
                }
            default:
                out.append(character)
                index += 1
            }
        }
        return out
    }
}
