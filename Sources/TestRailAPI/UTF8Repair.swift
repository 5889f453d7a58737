import Foundation

/// Bodies with bytes that are not UTF-8: one bad title must not fail a whole run. Each bad sequence becomes
/// U+FFFD, and the items that had one are named in a warning.
enum UTF8Repair {
    /// The body with every invalid sequence replaced by U+FFFD; nil when it is valid UTF-8 already.
    static func repaired(_ data: Data) -> Data? {
        guard String(data: data, encoding: .utf8) == nil else { return nil }
        return Data(String(decoding: data, as: UTF8.self).utf8)
    }

    /// One line per item that now holds U+FFFD.
    static func warnings<Item>(_ items: [Item]) -> [String] {
        var lines: [String] = []
        for item in items {
            if let named = item as? any TextRepairReporting {
                let fields = named.fieldsHoldingReplacement
                if !fields.isEmpty {
                    let list = fields.joined(separator: ", ")
                    lines.append("\(named.repairSubject): its \(list) had bytes that are not UTF-8; shown as U+FFFD")
                }
            }
        }
        if lines.isEmpty {
            lines.append("a response had bytes that are not UTF-8; shown as U+FFFD")
        }
        return lines
    }
}
