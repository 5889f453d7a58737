import Foundation
import TestRailAPI

/// A changed value as two texts shown side by side, each cut into runs that are kept or marked: the words only the
/// old text has are marked on the left, the words only the new one has on the right (``WordDiff``), and each side
/// keeps its own white space and line breaks, so a multi-line step reads as it was written.
///
/// | old                     | new                            | left runs                 | right runs                   |
/// |-------------------------|--------------------------------|---------------------------|------------------------------|
/// | `Order confirmed`       | `Order confirmed and e-mailed` | `Order confirmed`         | `Order confirmed`, *`and e-mailed`* |
/// | `["smoke", "ui"]`       | `["smoke", "api"]`             | `smoke, `, *`ui`*         | `smoke, `, *`api`*           |
/// | `3`                     | `2`                            | *`3`*                     | *`2`*                        |
/// | `null`                  | `"x"`                          | nil (absent)              | *`x`*                        |
///
/// HTML from the rich-text editor (`<p>A <b>bold</b> move</p>`) is shown as its text (`A bold move`), as it was
/// compared; the JSON diff keeps the markup.
///
/// Runs alternate, starting with a kept one (possibly empty): `["kept ", "marked", " kept"]`.
enum SideBySide {
    /// Both sides' runs of a change; nil for a side without a value. References (`refs`, compared as a set) are
    /// marked item by item.
    static func runs(_ change: FieldChange) -> (left: [String]?, right: [String]?) {
        guard change.field == "refs", case .string(let old) = change.old, case .string(let new) = change.new else {
            return runs(change.old, change.new)
        }
        func references(_ text: String) -> JSONValue {
            .array(
                text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) }.filter {
                    $0 != .string("")
                })
        }
        return runs(references(old), references(new))
    }

    /// Both sides' runs; nil for a side without a value.
    static func runs(_ old: JSONValue, _ new: JSONValue) -> (left: [String]?, right: [String]?) {
        if let oldItems = items(old), let newItems = items(new) {
            return (itemRuns(oldItems, others: Set(newItems)), itemRuns(newItems, others: Set(oldItems)))
        }
        switch (text(old), text(new)) {
        case (let left?, let right?) where isText(old) && isText(new): return words(left, right)
        case (let left, let right):
            // Numbers, flags, a value on one side only: the whole value is what differs.
            return (left.map { ["", $0] }, right.map { ["", $0] })
        }
    }

    /// A value as a person reads it: text as written, a list as its items, a step (or a rich-text object) as its
    /// content, then its other parts labelled on their own lines; nil for no value.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let string):
            return HTMLText.looksLikeHTML(string) ? readable(HTMLText.text(of: string, blockBreak: "\n")) : string
        case .bool(let flag): return String(flag)
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .number(let number): return number
        case .array(let values): return values.compactMap(text).joined(separator: ", ")
        case .object(let object):
            var lines: [String] = object["content"].flatMap(text).map { [$0] } ?? []
            for key in object.keys.sorted() where key != "content" {
                if let part = text(object[key]!), !part.isEmpty { lines.append("\(key): \(part)") }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// HTML's text as it reads, its block tags (`<p>`, `<br>`, `<li>`) already line breaks: a run of white space
    /// with a line break in it one line break, any other one space, the ends trimmed.
    private static func readable(_ text: String) -> String {
        var out = ""
        var gap: String?
        for character in text {
            if character.isWhitespace {
                gap = (gap?.contains("\n") == true || character.isNewline) ? "\n" : " "
            } else {
                if let pending = gap, !out.isEmpty { out += pending }
                gap = nil
                out.append(character)
            }
        }
        return out
    }

    private static func isText(_ value: JSONValue) -> Bool {
        switch value {
        case .string: return true
        case .object(let object): return object["content"] != nil
        default: return false
        }
    }

    /// A list of plain values (labels, refs as a list, a multi-select), as texts; nil for anything else.
    private static func items(_ value: JSONValue) -> [String]? {
        guard case .array(let values) = value else { return nil }
        var texts: [String] = []
        for value in values {
            switch value {
            case .array, .object, .null: return nil
            default: texts.append(text(value)!)
            }
        }
        return texts
    }

    /// The items joined by `, `, those the other side lacks marked.
    private static func itemRuns(_ items: [String], others: Set<String>) -> [String] {
        var runs = Runs()
        for (index, item) in items.enumerated() {
            if index > 0 { runs.append(", ", marked: false) }
            runs.append(item, marked: !others.contains(item))
        }
        return runs.texts
    }

    /// The word diff of two texts, cut back into each text's own characters.
    private static func words(_ old: String, _ new: String) -> (left: [String], right: [String]) {
        let segments = WordDiff.diff(old, new)
        var left = Cutter(old)
        var right = Cutter(new)
        for segment in segments {
            switch segment {
            case .same(let words):
                left.take(words.count, marked: false)
                right.take(words.count, marked: false)
            case .removed(let words):
                left.take(words.count, marked: true)
            case .inserted(let words):
                right.take(words.count, marked: true)
            }
        }
        return (left.finish(), right.finish())
    }

    /// Alternating runs, kept first: text appended to the last run when it is of the same kind, else a new run.
    private struct Runs {
        private(set) var texts = [""]

        mutating func append(_ text: String, marked: Bool) {
            guard !text.isEmpty else { return }
            // An odd count ends with a kept run; an even one with a marked run.
            if (texts.count % 2 == 0) == marked {
                texts[texts.count - 1] += text
            } else {
                texts.append(text)
            }
        }
    }

    /// Walks a text word by word (words as ``WordDiff/words(_:)`` finds them), cutting it into alternating runs.
    private struct Cutter {
        private let characters: [Character]
        private var position = 0
        private var runs = Runs()

        init(_ text: String) {
            characters = Array(text)
        }

        /// The next `count` words: the white space before them is kept, the words (and the white space between
        /// them) kept or marked.
        mutating func take(_ count: Int, marked: Bool) {
            runs.append(skip(whitespace: true), marked: false)
            var words = ""
            for index in 0..<count {
                if index > 0 { words += skip(whitespace: true) }
                words += skip(whitespace: false)
            }
            runs.append(words, marked: marked)
        }

        /// The characters from here while they are (or are not) white space.
        private mutating func skip(whitespace: Bool) -> String {
            let start = position
            while position < characters.count, characters[position].isWhitespace == whitespace { position += 1 }
            return String(characters[start..<position])
        }

        /// The runs, with the trailing white space kept.
        consuming func finish() -> [String] {
            runs.append(String(characters[position...]), marked: false)
            return runs.texts
        }
    }
}
