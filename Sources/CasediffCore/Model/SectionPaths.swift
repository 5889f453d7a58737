import Foundation
import TestRailAPI

/// Resolves each section to its path from the suite root (`Checkout > Coupons > Expired`).
///
/// Paths, not section ids, identify a place across two projects: ids never match between a source and its copy.
public struct SectionPaths: Sendable {
    private var paths: [Int: String] = [:]

    public static let separator = " > "

    public init(_ sections: [Section]) {
        let byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for section in sections {
            var names: [String] = []
            var current: Section? = section
            var visited: Set<Int> = []
            while let node = current, visited.insert(node.id).inserted {
                names.append(node.name.trimmingCharacters(in: .whitespacesAndNewlines))
                current = node.parentID.flatMap { byID[$0] }
            }
            paths[section.id] = names.reversed().joined(separator: Self.separator)
        }
    }

    /// The path of a section, or an empty string for a case outside any known section.
    public func path(of sectionID: Int?) -> String {
        sectionID.flatMap { paths[$0] } ?? ""
    }
}
