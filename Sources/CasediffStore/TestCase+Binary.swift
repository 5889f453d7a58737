import TestRailAPI

/// A case in the binary format: id and title, a presence mask, the optional fields present (in mask order), then
/// the custom fields by name. Reading it back needs no JSON parser (see docs/store.md).
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
    }

    init(from reader: inout BinaryReader) throws(StoreCodingError) {
        let id = try reader.int()
        let title = try reader.string()
        let mask = try reader.unsigned()
        var numbers = [Int?](repeating: nil, count: Self.numberCount)
        for bit in 0..<Self.numberCount where mask & (1 << UInt64(bit)) != 0 {
            numbers[bit] = try reader.int()
        }
        var texts = [String?](repeating: nil, count: Self.textCount)
        for index in 0..<Self.textCount where mask & (1 << UInt64(Self.numberCount + index)) != 0 {
            texts[index] = try reader.string()
        }
        let count = try reader.count()
        var custom: [String: JSONValue] = [:]
        custom.reserveCapacity(count)
        for _ in 0..<count {
            let name = try reader.string()
            custom[name] = try JSONValue(from: &reader)
        }
        self.init(
            id: id, title: title, sectionID: numbers[0], suiteID: numbers[1], templateID: numbers[2],
            typeID: numbers[3], priorityID: numbers[4], milestoneID: numbers[5], refs: texts[0], estimate: texts[1],
            estimateForecast: texts[2], createdBy: numbers[6], createdOn: numbers[7], updatedBy: numbers[8],
            updatedOn: numbers[9], displayOrder: numbers[10],
            isDeleted: mask & (1 << UInt64(Self.numberCount + Self.textCount)) != 0, customFields: custom)
    }
}
