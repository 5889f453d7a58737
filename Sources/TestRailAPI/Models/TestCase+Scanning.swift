extension TestCase: JSONScannable {
    /// The forms ``init(jsonObject:)`` reads, straight from the bytes; any other falls back to it.
    init(scanning scanner: inout JSONScanner) throws(ScanFallback) {
        var fields = Fields()
        var sawID = false
        var sawTitle = false
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            if key.hasPrefix("custom_") {
                fields.customFields[scanner.name(key)] = try scanner.value()
            } else if key.is("id") {
                // A missing or unreadable id is the reference's to report.
                guard let number = try scanner.integer() else { throw ScanFallback() }
                fields.id = number
                sawID = true
            } else if key.is("title") {
                fields.title = try scanner.string()
                sawTitle = true
            } else if key.is("section_id") {
                fields.sectionID = try scanner.integer()
            } else if key.is("suite_id") {
                fields.suiteID = try scanner.integer()
            } else if key.is("template_id") {
                fields.templateID = try scanner.integer()
            } else if key.is("type_id") {
                fields.typeID = try scanner.integer()
            } else if key.is("priority_id") {
                fields.priorityID = try scanner.integer()
            } else if key.is("milestone_id") {
                fields.milestoneID = try scanner.integer()
            } else if key.is("refs") {
                fields.refs = try scanner.optionalString()
            } else if key.is("estimate") {
                fields.estimate = try scanner.optionalString()
            } else if key.is("estimate_forecast") {
                fields.estimateForecast = try scanner.optionalString()
            } else if key.is("created_by") {
                fields.createdBy = try scanner.integer()
            } else if key.is("created_on") {
                fields.createdOn = try scanner.integer()
            } else if key.is("updated_by") {
                fields.updatedBy = try scanner.integer()
            } else if key.is("updated_on") {
                fields.updatedOn = try scanner.integer()
            } else if key.is("display_order") {
                fields.displayOrder = try scanner.integer()
            } else if key.is("is_deleted") {
                fields.isDeleted = try scanner.flag()
            } else if key.is("labels") {
                fields.labels = try Self.labels(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard sawID, sawTitle else { throw ScanFallback() }
        self.init(fields)
    }

    /// `[{id, title}]` (or `name` for `title`); null is no labels. A label without either is left out, as the
    /// reference does.
    private static func labels(_ scanner: inout JSONScanner) throws(ScanFallback) -> [CaseLabel]? {
        if try scanner.skipNull() { return nil }
        var labels: [CaseLabel] = []
        try scanner.beginArray()
        var first = true
        while try scanner.nextElement(&first) {
            var id: Int?
            var title: String?
            var name: String?
            try scanner.beginObject()
            var firstKey = true
            while let key = try scanner.nextKey(&firstKey) {
                if key.is("id") {
                    id = try scanner.integer()
                } else if key.is("title") {
                    title = try scanner.string()
                } else if key.is("name") {
                    name = try scanner.string()
                } else {
                    try scanner.skipValue()
                }
            }
            if let text = title ?? name { labels.append(CaseLabel(id: id, title: text)) }
        }
        return labels
    }
}
