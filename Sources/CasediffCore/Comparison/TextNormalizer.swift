import Foundation

/// Puts text into the form keys and compared values are matched in.
///
/// White space is trimmed and every run of it becomes one space, text is Unicode NFC, and with `--ignore-case` it
/// is lower-cased. Markup text (Text and Steps fields) has its entities decoded, and when it is HTML (TestRail
/// 9.8+'s rich-text editor: it starts with a tag such as `<p>`) its tags are dropped, so markup-only edits are not
/// drift; Markdown keeps every `<…>`, because there `<email>` is content. Markdown compared with HTML from the other
/// side is read as the text it shows (`**Total**` is `Total`), so one editor's format against the other's is not drift.
///
/// | input                              | markup | ignore case | normalised                    |
/// |------------------------------------|--------|-------------|-------------------------------|
/// | `"  Pay  by\n card "`              | no     | no          | `"Pay by card"`               |
/// | `"Cafe\u{301}"` (NFD)              | no     | no          | `"Café"` (NFC)                |
/// | `"<p>Pay&nbsp;<b>by</b></p>"`      | yes    | no          | `"Pay by"`                    |
/// | `"Enter <email> &amp; submit"`     | yes    | no          | `"Enter <email> & submit"`    |
/// | `"Pay By Card"`                    | no     | yes         | `"pay by card"`               |
struct TextNormalizer: Sendable {
    var ignoreCase: Bool

    /// - Parameter renderingMarkdown: compare Markdown as the text it shows (``MarkdownText``), because the other
    ///   side's value is HTML; otherwise Markdown is compared as written.
    func normalize(_ text: String, markup: Bool = false, renderingMarkdown: Bool = false) -> String {
        if !renderingMarkdown, isNormalASCII(text, markup: markup) { return text }
        var result = text
        if markup {
            if HTMLText.looksLikeHTML(text) {
                result = HTMLText.text(of: text)
            } else {
                result = HTMLText.text(of: renderingMarkdown ? MarkdownText.text(of: text) : text, stripTags: false)
            }
        }
        result = result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if ignoreCase { result = result.lowercased() }
        return result.precomposedStringWithCanonicalMapping
    }

    /// The fast path: ASCII with single inner spaces, nothing to trim, no markup and nothing to fold.
    private func isNormalASCII(_ text: String, markup: Bool) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x09...0x0D, 0x80...0xFF:
                return false
            case UInt8(ascii: "<"), UInt8(ascii: "&"):
                if markup { return false }
                previousSpace = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if ignoreCase { return false }
                previousSpace = false
            default:
                previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }
}
