import TestRailAPI

/// A section in the binary format: id, name, depth and order, then the optional fields behind a presence mask.
extension Section {
    func write(to writer: inout BinaryWriter) {
        writer.int(id)
        writer.string(name)
        writer.int(depth)
        writer.int(displayOrder)
        let mask: UInt64 = (suiteID != nil ? 1 : 0) | (parentID != nil ? 2 : 0) | (description != nil ? 4 : 0)
        writer.unsigned(mask)
        if let suiteID { writer.int(suiteID) }
        if let parentID { writer.int(parentID) }
        if let description { writer.string(description) }
    }

    init(from reader: inout BinaryReader) throws(StoreCodingError) {
        let id = try reader.int()
        let name = try reader.string()
        let depth = try reader.int()
        let displayOrder = try reader.int()
        let mask = try reader.unsigned()
        let suiteID = mask & 1 != 0 ? try reader.int() : nil
        let parentID = mask & 2 != 0 ? try reader.int() : nil
        let description = mask & 4 != 0 ? try reader.string() : nil
        self.init(
            id: id, suiteID: suiteID, name: name, description: description, parentID: parentID, depth: depth,
            displayOrder: displayOrder)
    }
}
