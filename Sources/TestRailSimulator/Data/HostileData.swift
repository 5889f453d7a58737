import Foundation
import TestRailAPI

/// Case content that is valid JSON (or nearly) but hard to decode, served as exact bytes through
/// ``Dataset/rawCaseFields``: numbers no `Double` or `Int64` holds exactly, nesting deeper than a recursive parser's
/// stack, and a title that is not UTF-8.
public enum HostileData: String, Sendable, Hashable, CaseIterable {
    /// `custom_huge_float: 1e+308` and `custom_huge_int: 1180591620717411303424` (2^70).
    case numbers
    /// `custom_deep`: arrays nested ``nestingDepth`` deep.
    case nesting
    /// The case's title with a Latin-1 byte (0xE9) and a stray 0xFF in the middle: not UTF-8.
    case invalidUTF8 = "utf8"

    public static let nestingDepth = 100_000

    /// The raw fields this kind sets on a case titled `title`.
    public func fields(title: String) -> [String: Data] {
        switch self {
        case .numbers:
            return ["custom_huge_float": Data("1e+308".utf8), "custom_huge_int": Data("1180591620717411303424".utf8)]
        case .nesting:
            var deep = Data(repeating: UInt8(ascii: "["), count: Self.nestingDepth)
            deep.append(Data(repeating: UInt8(ascii: "]"), count: Self.nestingDepth))
            return ["custom_deep": deep]
        case .invalidUTF8:
            var bytes = Data("\"".utf8)
            bytes.append(contentsOf: title.utf8)
            bytes.append(contentsOf: [0x20, 0x43, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0x22])  // " Caf\xE9 \xFF"
            return ["title": bytes]
        }
    }

    /// Adds this kind's fields to the case `caseID` of `dataset` (nil: the lowest id), its current title kept as
    /// the readable part. Only cases held as records can be altered: generate with `DatasetGenerator.make()`, not
    /// `makeLazily()`.
    public func apply(to dataset: inout Dataset, caseID: Int? = nil) {
        guard let caseID = caseID ?? dataset.cases.compactMap({ $0["id"]?.intValue }).min() else { return }
        let title = dataset.cases.first { $0["id"]?.intValue == caseID }?["title"]?.stringValue ?? "Case \(caseID)"
        dataset.rawCaseFields[caseID, default: [:]].merge(fields(title: title)) { _, new in new }
    }
}
