/// The text of a rich-text value: tags dropped (block tags leave white space), comments dropped, entities decoded.
///
/// Not an HTML parser: TestRail's editor emits simple markup, and anything that is not a tag (`a < b`) is kept.
///
/// | html                                      | text                 |
/// |-------------------------------------------|----------------------|
/// | `<p>Open <b>the</b> cart</p>`             | `Open the cart`      |
/// | `Line 1<br>Line 2`                        | `Line 1 Line 2`*     |
/// | `Fish &amp; chips &#8211; &lt;b&gt;`      | `Fish & chips – <b>` |
/// | `a < b`                                   | `a < b`              |
///
/// *after white space is collapsed by ``TextNormalizer``.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "blockquote", "hr",
    ]
    private static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}",
        "trade": "\u{2122}", "euro": "\u{20AC}", "times": "\u{D7}", "middot": "\u{B7}", "bull": "\u{2022}",
    ]

    /// The text of `html`; with `stripTags` false only entities are decoded (Markdown, whose `<placeholder>` is
    /// content).
    static func text(of html: String, stripTags: Bool = true) -> String {
        let scalars = Array(html.unicodeScalars)
        guard scalars.contains(where: { $0 == "<" || $0 == "&" }) else { return html }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if stripTags, scalar == "<", let end = tagEnd(scalars, from: index) {
                let name = tagName(scalars, from: index + 1)
                if blockTags.contains(name) { out.append(" ") }
                index = end + 1
                continue
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

    /// Elements TestRail's rich-text editor (9.8+) and hand-written HTML start with; `<email>` is none of them.
    private static let htmlElements: Set<String> = blockTags.union([
        "span", "strong", "b", "em", "i", "u", "s", "a", "img", "code", "sub", "sup", "font", "thead", "tbody",
        "section", "article", "figure", "del", "ins", "mark", "small", "!--",
    ])

    /// Whether a text field's value is HTML rather than Markdown: it starts with a tag of a known HTML element
    /// (after white space), as the rich-text editor's `<p>…</p>` does.
    ///
    /// | value                                   | HTML? |
    /// |-----------------------------------------|-------|
    /// | `<p>Enter <b>your</b> email</p>`        | yes   |
    /// | `  <div><strong>Note</strong></div>`    | yes   |
    /// | `Enter <email> in the form`             | no    |
    /// | `<email> must be valid`                 | no    |
    static func looksLikeHTML(_ text: String) -> Bool {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), text[start] == "<" else { return false }
        var name = ""
        for character in text[text.index(after: start)...].prefix(12) {
            if character.isLetter || character.isNumber || (name.isEmpty && character == "!") || character == "-" {
                name.append(character)
            } else {
                guard character == ">" || character == "/" || character.isWhitespace else { return false }
                break
            }
        }
        return htmlElements.contains(name.lowercased()) || (name.hasPrefix("!--"))
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

    private static func tagName(_ scalars: [Unicode.Scalar], from start: Int) -> String {
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
        guard let scalar = entities[body.lowercased()] else { return nil }
        return (scalar, end)
    }
}
