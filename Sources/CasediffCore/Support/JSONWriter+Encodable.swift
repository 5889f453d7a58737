import Foundation

extension JSONWriter {
    /// Writes a value through its `Encodable` conformance, as `JSONEncoder` with this writer's options writes it,
    /// indented to where it stands: for the small parts of a large document (a suite, its sections), while the
    /// bulk is written member by member.
    mutating func encoded(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            style == .pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let text = try encoder.encode(value)
        let indent = style == .pretty ? depth * 2 : 0
        fragment(text, indent: indent)
    }
}
