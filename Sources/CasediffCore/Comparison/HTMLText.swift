import Foundation

/// The text of a rich-text value: HTML elements' tags dropped (block tags leave white space), comments dropped,
/// entities decoded.
///
/// Not an HTML parser: TestRail's editor emits simple markup. Only tags of real HTML elements are dropped, so a
/// `<placeholder>` someone typed stays, and anything that is not a tag (`a < b`) is kept.
///
/// | html                                      | text                 |
/// |-------------------------------------------|----------------------|
/// | `<p>Open <b>the</b> cart</p>`             | `Open the cart`      |
/// | `<p>Line 1<br>Line 2</p>`                 | `Line 1 Line 2`*     |
/// | `Fish &amp; chips &#8211; &lt;b&gt;`      | `Fish & chips – <b>` |
/// | `<p>Caf&eacute; &rarr; <email></p>`       | `Café → <email>`     |
/// | `<p><img src="a.png" alt="x"></p>`        | `[image a.png]`      |
/// | `a < b`                                   | `a < b`              |
///
/// *after white space is collapsed by ``TextNormalizer``.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "blockquote", "hr", "section", "article", "figure", "figcaption", "dl", "dt", "dd", "thead", "tbody", "tfoot",
        "caption", "header", "footer", "nav", "aside", "main", "details", "summary",
    ]

    /// Every HTML element whose tags are dropped; any other `<word>` is text.
    private static let elements: Set<String> = blockTags.union([
        "a", "abbr", "b", "bdi", "bdo", "big", "center", "cite", "code", "col", "colgroup", "data", "del", "dfn", "em",
        "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "html", "body", "head", "meta", "style", "title",
    ])

    /// Blocks the rich-text editor (TestRail 9.8+) wraps a value in.
    private static let openers: Set<String> = [
        "p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "section",
        "article", "figure",
    ]

    /// The text of `html`; with `stripTags` false (Markdown, whose `<placeholder>` is content) only comments and
    /// entities go. A block tag leaves `blockBreak`: white space for comparing, a line break for showing.
    static func text(of html: String, stripTags: Bool = true, blockBreak: Unicode.Scalar = " ") -> String {
        let scalars = Array(html.unicodeScalars)
        guard scalars.contains(where: { $0 == "<" || $0 == "&" }) else { return html }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let end = tagEnd(scalars, from: index) {
                let name = tagName(scalars, from: index + 1)
                if name == "!--" {
                    index = end + 1
                    continue
                }
                if stripTags, elements.contains(name) {
                    if blockTags.contains(name) { out.append(blockBreak) }
                    if name == "img" {
                        // An image is content: it reads as Markdown's `![](src)` does (``MarkdownText``).
                        out.append(contentsOf: "[image \(attribute("src", scalars[index...end]) ?? "")]".unicodeScalars)
                    }
                    index = end + 1
                    continue
                }
            }
            if scalar == "&", let (decoded, end) = entity(scalars, from: index) {
                out.append(decoded)
                index = end + 1
                continue
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    /// Whether a text field's value is HTML rather than Markdown: it opens with a block element, as the rich-text
    /// editor's `<p>…</p>` does, and closes a tag somewhere. Markdown that starts with inline HTML or a
    /// placeholder is Markdown.
    ///
    /// | value                                   | HTML? |
    /// |-----------------------------------------|-------|
    /// | `<p>Enter <b>your</b> email</p>`        | yes   |
    /// | `  <div><strong>Note</strong></div>`    | yes   |
    /// | `<b>Note:</b> enter <email>`            | no    |
    /// | `<code> is sent. Enter <email>`         | no    |
    /// | `Enter <email> in the form`             | no    |
    static func looksLikeHTML(_ text: String) -> Bool {
        var text = Substring(text)
        // Leading comments and white space aside.
        while true {
            text = text.drop(while: \.isWhitespace)
            guard text.hasPrefix("<!--"), let close = text.range(of: "-->") else { break }
            text = text[close.upperBound...]
        }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), text[start] == "<" else { return false }
        var name = ""
        for character in text[text.index(after: start)...].prefix(12) {
            if character.isLetter || character.isNumber {
                name.append(character)
            } else {
                guard character == ">" || character == "/" || character.isWhitespace else { return false }
                break
            }
        }
        return openers.contains(name.lowercased()) && text.contains("</")
    }

    /// The value of a tag's attribute (`src="a.png"`), quoted or not.
    private static func attribute(_ name: String, _ tag: ArraySlice<Unicode.Scalar>) -> String? {
        let text = String(String.UnicodeScalarView(tag))
        guard let found = text.range(of: " \(name)=", options: .caseInsensitive) else { return nil }
        var rest = text[found.upperBound...]
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            return String(rest.prefix { $0 != quote })
        }
        return String(rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
    }

    /// The index of the `>` closing a tag or comment that starts at `start`, or nil when `<` starts no tag.
    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count else { return nil }
        let next = scalars[start + 1]
        guard next == "/" || next == "!" || next.properties.isAlphabetic else { return nil }
        if next == "!", start + 3 < scalars.count, scalars[start + 2] == "-", scalars[start + 3] == "-" {
            var index = start + 4
            while index + 2 < scalars.count {
                if scalars[index] == "-", scalars[index + 1] == "-", scalars[index + 2] == ">" { return index + 2 }
                index += 1
            }
            return nil
        }
        return scalars[(start + 1)...].firstIndex(of: ">")
    }

    /// The element a tag names, lower-cased; `!--` for a comment.
    private static func tagName(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        if start + 2 < scalars.count, scalars[start] == "!", scalars[start + 1] == "-", scalars[start + 2] == "-" {
            return "!--"
        }
        var index = start
        if index < scalars.count, scalars[index] == "/" { index += 1 }
        var name = String.UnicodeScalarView()
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.append(scalars[index])
            index += 1
        }
        return String(name).lowercased()
    }

    /// A named or numeric entity starting at `start`, with the index of its `;`.
    private static func entity(_ scalars: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(scalars.count, start + 12)
        guard let end = scalars[start..<limit].firstIndex(of: ";"), end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, end)
        }
        // Names are case-sensitive (`&Eacute;` is not `&eacute;`); `&AMP;`-style capitals of the basic ones too.
        guard let value = namedEntities[body] ?? namedEntities[body.lowercased()].flatMap({ $0 < 0x80 ? $0 : nil }),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, end)
    }
}
