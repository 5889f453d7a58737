import Foundation

/// Attachment references in text: `index.php?/attachments/get/<id>`, with an integer id on TestRail Server and a
/// UUID on Cloud (7.1+). A migration gives every attachment a new id, so by default a reference compares equal to
/// any other and reads `[attachment]`; `--compare-attachments` keeps the text as sent.
///
/// | text                                                              | masked                  |
/// |-------------------------------------------------------------------|-------------------------|
/// | `See ![](index.php?/attachments/get/123)`                         | `See [attachment]`      |
/// | `![shot](https://x.testrail.io/index.php?/attachments/get/9f3e-…)`| `[attachment]`          |
/// | `<p><img src="index.php?/attachments/get/55" /></p>`              | `<p>[attachment]</p>`   |
/// | `[log](index.php?/attachments/get/7)`                             | `[log]([attachment])`   |
enum AttachmentLinks {
    /// TestRail's own attachment address; another site's `…/attachments/get/1` is text like any other.
    private static let marker = "index.php?/attachments/get/"

    private static let markerBytes = Array(marker.utf8)

    /// Whether `text` mentions an attachment at all: a plain byte search, as every compared text asks it.
    static func mentions(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let needle = markerBytes
            guard bytes.count >= needle.count else { return false }
            let first = needle[0]
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `text` with every attachment reference (and a Markdown image or HTML `<img>` around it) as `[attachment]`.
    static func mask(_ text: String) -> String {
        guard mentions(text) else { return text }
        var out = ""
        var rest = text[...]
        while let found = rest.range(of: marker) {
            var start = found.lowerBound
            // The URL starts after the last delimiter before the marker: `(`, a quote, `=` or white space.
            while start > rest.startIndex {
                let before = rest[rest.index(before: start)]
                if before == "(" || before == "\"" || before == "'" || before == "=" || before.isWhitespace {
                    break
                }
                start = rest.index(before: start)
            }
            var end = found.upperBound
            while end < rest.endIndex, rest[end].isLetter || rest[end].isNumber || rest[end] == "-" {
                end = rest.index(after: end)
            }
            var head = rest[..<start]
            var tail = rest[end...]
            if head.hasSuffix("("), tail.hasPrefix(")"), let open = imageOpening(head) {
                // A Markdown image: `![alt](url)` as a whole.
                head = head[..<open]
                tail = tail.dropFirst()
            } else if let tag = head.range(of: "<img", options: [.backwards, .caseInsensitive]),
                !head[tag.upperBound...].contains(">"), let close = tail.firstIndex(of: ">")
            {
                // An HTML image: the whole `<img …>` tag.
                head = head[..<tag.lowerBound]
                tail = tail[tail.index(after: close)...]
            }
            out += head
            out += "[attachment]"
            rest = tail
        }
        return out + rest
    }

    /// Where `![alt](` starts, when `head` ends with one.
    private static func imageOpening(_ head: Substring) -> Substring.Index? {
        guard head.hasSuffix("]("), let bracket = head.dropLast(2).lastIndex(of: "[") else { return nil }
        guard bracket > head.startIndex, head[head.index(before: bracket)] == "!" else { return nil }
        return head.index(before: bracket)
    }
}
