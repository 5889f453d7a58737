/// A generated case written straight into a page, byte for byte what `JSONEncoder` (`.sortedKeys`,
/// `.withoutEscapingSlashes`) writes for ``GeneratedCase/fields``, without building a dictionary per case.
///
/// The simulator shares the machine with the client it serves: a 250-case page is about 145 KB, and at 160 pages a
/// second building and encoding `JSONValue` records would take a core. Every text here is drawn from fixed ASCII
/// vocabularies with nothing to escape, so it is copied as it is (`GeneratedCasesTests` holds the bytes to the
/// encoder's for every word).
extension GeneratedCase {
    func write(into out: inout [UInt8]) {
        let noun = Self.nounBytes[self.noun]
        out.append(contentsOf: #"{"created_by":1,"created_on":"#.utf8)
        Self.append(timestamp, to: &out)
        out.append(contentsOf: #","custom_automation_id":"auto."#.utf8)
        Self.append(originSuiteID, to: &out)
        out.append(UInt8(ascii: "."))
        Self.append(index + 1, to: &out)
        out.append(contentsOf: #"","custom_preconds":""#.utf8)
        if changedPreconditions {
            out.append(contentsOf: Self.changedPreconditionsText.utf8)
        } else {
            out.append(contentsOf: "A signed-in user with access to the ".utf8)
            out.append(contentsOf: noun)
            out.append(UInt8(ascii: "."))
        }
        out.append(contentsOf: #"","custom_steps_separated":["#.utf8)
        for step in 0..<steps {
            if step > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"content":"Step "#.utf8)
            Self.append(step + 1, to: &out)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: Self.lowercasedVerbBytes[verb])
            out.append(contentsOf: " the ".utf8)
            out.append(contentsOf: noun)
            out.append(contentsOf: #"","expected":"The "#.utf8)
            out.append(contentsOf: noun)
            out.append(contentsOf: (step == 0 ? #" is shown"}"# : #" is updated"}"#).utf8)
        }
        out.append(contentsOf: #"],"display_order":"#.utf8)
        Self.append(index + 1, to: &out)
        out.append(contentsOf: #","estimate":null,"estimate_forecast":null,"id":"#.utf8)
        Self.append(id, to: &out)
        out.append(contentsOf: #","is_deleted":0,"milestone_id":null,"priority_id":"#.utf8)
        Self.append(priorityID, to: &out)
        if index % 7 == 0 {
            out.append(contentsOf: #","refs":"REQ-"#.utf8)
            Self.append(index, to: &out)
            out.append(contentsOf: #"","section_id":"#.utf8)
        } else {
            out.append(contentsOf: #","refs":null,"section_id":"#.utf8)
        }
        Self.append(sectionID, to: &out)
        out.append(contentsOf: #","suite_id":"#.utf8)
        Self.append(suiteID, to: &out)
        out.append(contentsOf: #","template_id":2,"title":""#.utf8)
        out.append(contentsOf: Self.verbBytes[verb])
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: noun)
        out.append(contentsOf: " #".utf8)
        Self.append(index + 1, to: &out)
        out.append(contentsOf: #"","type_id":"#.utf8)
        Self.append(typeID, to: &out)
        out.append(contentsOf: #","updated_by":1,"updated_on":"#.utf8)
        Self.append(timestamp, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A decimal integer, as `JSONEncoder` writes it.
    static func append(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            append(value.magnitude, to: &out)
        } else {
            append(UInt(value), to: &out)
        }
    }

    private static func append(_ value: UInt, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 && count < 10 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
        }
        if rest > 0 {
            // Past ten digits (never for generated ids): the slow path.
            out.append(contentsOf: String(value).utf8)
            return
        }
        withUnsafeBytes(of: &digits) { buffer in
            for position in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[position]) }
        }
    }

    static let verbBytes = verbs.map { Array($0.utf8) }
    static let lowercasedVerbBytes = verbs.map { Array($0.lowercased().utf8) }
    static let nounBytes = nouns.map { Array($0.utf8) }
}
