extension TestCase: TextRepairReporting {
    var repairSubject: String { "case C\(id)" }

    var fieldsHoldingReplacement: [String] {
        var fields: [String] = []
        let texts: [(String, String?)] = [
            ("title", title), ("refs", refs), ("estimate", estimate), ("estimate_forecast", estimateForecast),
        ]
        for (name, text) in texts where text?.contains("\u{FFFD}") == true {
            fields.append(name)
        }
        for key in customFields.keys.sorted() where customFields[key]!.holdsReplacement {
            fields.append(key)
        }
        if labels?.contains(where: { $0.title.contains("\u{FFFD}") }) == true {
            fields.append("labels")
        }
        return fields
    }
}

extension JSONValue {
    /// Whether any text in the value holds U+FFFD.
    var holdsReplacement: Bool {
        switch self {
        case .string(let text): return text.contains("\u{FFFD}")
        case .array(let items): return items.contains(where: \.holdsReplacement)
        case .object(let fields): return fields.contains { $0.key.contains("\u{FFFD}") || $0.value.holdsReplacement }
        default: return false
        }
    }
}
