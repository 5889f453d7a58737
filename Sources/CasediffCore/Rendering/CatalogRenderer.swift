import Foundation
import TestRailAPI

/// Renders `casediff projects` and `casediff suites` as an aligned text table or as JSON (keys sorted, so the
/// same instance gives the same bytes).
public struct CatalogRenderer: Sendable {
    public init() {}

    public func table(_ projects: [Project]) -> String {
        Self.table(
            header: ["ID", "NAME", "SUITE MODE", "COMPLETED"],
            rows: projects.map { ["P\($0.id)", $0.name, Self.mode($0.suiteMode), $0.isCompleted ? "yes" : "no"] })
    }

    public func table(_ listing: ProjectSuites) -> String {
        let title =
            "P\(listing.project.id) \(listing.project.name) (\(Self.mode(listing.project.suiteMode)), "
            + "\(listing.suites.count) \(listing.suites.count == 1 ? "suite" : "suites"))\n"
        let rows = listing.suites.map { entry -> [String] in
            var flags: [String] = []
            if entry.suite.isMaster { flags.append("master") }
            if entry.suite.isBaseline { flags.append("baseline") }
            if entry.suite.isCompleted { flags.append("completed") }
            return [
                "S\(entry.suite.id)", entry.suite.name, entry.cases.map(String.init) ?? "?",
                entry.sections.map(String.init) ?? "?", flags.joined(separator: ","),
            ]
        }
        let known = listing.suites.allSatisfy { $0.cases != nil }
        let footer =
            known || listing.suites.isEmpty
            ? "" : "? = not known yet: sizes come from the store after a compare or snapshot of this project\n"
        return title + Self.table(header: ["ID", "NAME", "CASES", "SECTIONS", "FLAGS"], rows: rows) + footer
    }

    public func json(_ projects: [Project]) throws -> Data {
        try Self.encode(
            projects.map {
                ["id": $0.id, "name": $0.name, "suite_mode": $0.suiteMode.rawValue, "is_completed": $0.isCompleted]
            })
    }

    public func json(_ listing: ProjectSuites) throws -> Data {
        let suites: [[String: Any]] = listing.suites.map { entry in
            var object: [String: Any] = [
                "id": entry.suite.id, "name": entry.suite.name, "is_master": entry.suite.isMaster,
                "is_baseline": entry.suite.isBaseline, "is_completed": entry.suite.isCompleted,
                "cases": entry.cases.map { $0 as Any } ?? NSNull(),
                "sections": entry.sections.map { $0 as Any } ?? NSNull(),
            ]
            object["description"] = entry.suite.description
            return object
        }
        return try Self.encode([
            "project": [
                "id": listing.project.id, "name": listing.project.name,
                "suite_mode": listing.project.suiteMode.rawValue,
            ],
            "suites": suites,
        ])
    }

    static func encode(_ object: Any) throws -> Data {
        var data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func mode(_ mode: Project.SuiteMode) -> String {
        switch mode {
        case .singleSuite: return "single suite"
        case .singleSuiteWithBaselines: return "single suite + baselines"
        case .multipleSuites: return "multiple suites"
        }
    }

    /// Columns padded to their widest cell, two spaces apart; trailing spaces trimmed.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.columns($0[column]) }.max() ?? 0 }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 {
                    line += DisplayWidth.padding(cell, to: widths[column] + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }
}
