extension TestCase: JSONScannable {
    /// The forms ``init(jsonObject:)`` reads, straight from the bytes; any other falls back to it.
    init(scanning scanner: inout JSONScanner) throws(ScanFallback) {
        var id: Int?
        var title: String?
        var sectionID: Int?
        var suiteID: Int?
        var templateID: Int?
        var typeID: Int?
        var priorityID: Int?
        var milestoneID: Int?
        var refs: String?
        var estimate: String?
        var estimateForecast: String?
        var createdBy: Int?
        var createdOn: Int?
        var updatedBy: Int?
        var updatedOn: Int?
        var displayOrder: Int?
        var isDeleted = false
        var labels: [CaseLabel]?
        var custom: [String: JSONValue] = [:]
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(&first) {
            if key.hasPrefix("custom_") {
                custom[scanner.name(key)] = try scanner.value()
            } else if key.is("id") {
                // A missing or unreadable id is the reference's to report.
                guard let number = try scanner.integer() else { throw ScanFallback() }
                id = number
            } else if key.is("title") {
                title = try scanner.string()
            } else if key.is("section_id") {
                sectionID = try scanner.integer()
            } else if key.is("suite_id") {
                suiteID = try scanner.integer()
            } else if key.is("template_id") {
                templateID = try scanner.integer()
            } else if key.is("type_id") {
                typeID = try scanner.integer()
            } else if key.is("priority_id") {
                priorityID = try scanner.integer()
            } else if key.is("milestone_id") {
                milestoneID = try scanner.integer()
            } else if key.is("refs") {
                refs = try scanner.optionalString()
            } else if key.is("estimate") {
                estimate = try scanner.optionalString()
            } else if key.is("estimate_forecast") {
                estimateForecast = try scanner.optionalString()
            } else if key.is("created_by") {
                createdBy = try scanner.integer()
            } else if key.is("created_on") {
                createdOn = try scanner.integer()
            } else if key.is("updated_by") {
                updatedBy = try scanner.integer()
            } else if key.is("updated_on") {
                updatedOn = try scanner.integer()
            } else if key.is("display_order") {
                displayOrder = try scanner.integer()
            } else if key.is("is_deleted") {
                isDeleted = try scanner.flag()
            } else if key.is("labels") {
                labels = try Self.labels(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard let id, let title else { throw ScanFallback() }
        self.init(
            id: id, title: title, sectionID: sectionID, suiteID: suiteID, templateID: templateID, typeID: typeID,
            priorityID: priorityID, milestoneID: milestoneID, refs: refs, estimate: estimate,
            estimateForecast: estimateForecast, createdBy: createdBy, createdOn: createdOn, updatedBy: updatedBy,
            updatedOn: updatedOn, displayOrder: displayOrder, isDeleted: isDeleted, labels: labels,
            customFields: custom)
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
