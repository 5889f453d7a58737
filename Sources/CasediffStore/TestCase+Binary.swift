import TestRailAPI

/// A case in the binary format: id and title, a presence mask, the optional fields present (in mask order), the
/// custom fields by name, then the labels (a count plus one, 0 for none sent; each an id or 0, and a title).
/// Reading it back needs no JSON parser (see docs/store.md).
extension TestCase {
    /// The mask's bits: one per optional number, then one per optional text, then `is_deleted`.
    private var optionalNumbers: [Int?] {
        [
            sectionID, suiteID, templateID, typeID, priorityID, milestoneID, createdBy, createdOn, updatedBy,
            updatedOn, displayOrder,
        ]
    }
    private var optionalTexts: [String?] { [refs, estimate, estimateForecast] }
    private static let numberCount = 11
    private static let textCount = 3

    func write(to writer: inout BinaryWriter) {
        writer.int(id)
        writer.string(title)
        let numbers = optionalNumbers
        let texts = optionalTexts
        var mask: UInt64 = 0
        for (bit, value) in numbers.enumerated() where value != nil { mask |= 1 << UInt64(bit) }
        for (index, value) in texts.enumerated() where value != nil { mask |= 1 << UInt64(Self.numberCount + index) }
        if isDeleted { mask |= 1 << UInt64(Self.numberCount + Self.textCount) }
        writer.unsigned(mask)
        for value in numbers { if let value { writer.int(value) } }
        for value in texts { if let value { writer.string(value) } }
        writer.unsigned(UInt64(customFields.count))
        for name in customFields.keys.sorted() {
            writer.string(name)
            customFields[name]!.write(to: &writer)
        }
        if let labels {
            writer.unsigned(UInt64(labels.count) + 1)
            for label in labels {
                writer.int(label.id ?? 0)
                writer.string(label.title)
            }
        } else {
            writer.unsigned(0)
        }
    }

    init(from reader: inout BinaryReader) throws(StoreCodingError) {
        let id = try reader.int()
        let title = try reader.string()
        let mask = try reader.unsigned()
        var bit: UInt64 = 1
        func number() throws(StoreCodingError) -> Int? {
            defer { bit <<= 1 }
            return mask & bit != 0 ? try reader.int() : nil
        }
        func text() throws(StoreCodingError) -> String? {
            defer { bit <<= 1 }
            return mask & bit != 0 ? try reader.string() : nil
        }
        // Mask order: the numbers, then the texts (see `optionalNumbers` and `optionalTexts`).
        let sectionID = try number()
        let suiteID = try number()
        let templateID = try number()
        let typeID = try number()
        let priorityID = try number()
        let milestoneID = try number()
        let createdBy = try number()
        let createdOn = try number()
        let updatedBy = try number()
        let updatedOn = try number()
        let displayOrder = try number()
        let refs = try text()
        let estimate = try text()
        let estimateForecast = try text()
        let isDeleted = mask & bit != 0
        let count = try reader.count()
        var custom: [String: JSONValue] = [:]
        if count > 0 {
            custom.reserveCapacity(count)
            for _ in 0..<count {
                let name = try reader.key()
                custom[name] = try JSONValue(from: &reader)
            }
        }
        var labels: [CaseLabel]?
        // The count is the labels plus one (0: none sent), so an empty list is 1 with nothing after it.
        let labelsPlusOne = try reader.unsigned()
        if labelsPlusOne > 0 {
            let labelCount = Int(clamping: labelsPlusOne - 1)
            // Each label takes at least two bytes (an id and a title's length).
            guard labelCount <= reader.remaining / 2 else { throw StoreCodingError.truncated }
            var list: [CaseLabel] = []
            list.reserveCapacity(labelCount)
            for _ in 0..<labelCount {
                let labelID = try reader.int()
                list.append(CaseLabel(id: labelID == 0 ? nil : labelID, title: try reader.string()))
            }
            labels = list
        }
        self.init(
            id: id, title: title, sectionID: sectionID, suiteID: suiteID, templateID: templateID, typeID: typeID,
            priorityID: priorityID, milestoneID: milestoneID, refs: refs, estimate: estimate,
            estimateForecast: estimateForecast, createdBy: createdBy, createdOn: createdOn, updatedBy: updatedBy,
            updatedOn: updatedOn, displayOrder: displayOrder, isDeleted: isDeleted, labels: labels,
            customFields: custom)
    }
}
