import Foundation

/// What a comparison looks at (`--resources`): the cases, and the project's other resources beside them, each
/// matched by meaning (names, paths, titles, system names; never ids) and reported with the cases' kinds.
public enum ProjectResource: String, Sendable, Hashable, CaseIterable, Comparable {
    case cases
    /// Matched by name (two single-suite projects: their only suites); name, description, completed and baseline.
    case suites
    /// Matched by path within the suite of the same name, empty sections included; name, parent, description,
    /// and order among siblings when `--fields` asks for `display_order`.
    case sections
    /// Shared step sets (TestRail 7.0+), matched by title; title and steps.
    case sharedSteps = "shared-steps"
    /// The custom case fields configured for the project, matched by system name; label, type and option labels.
    case fields
    /// The templates the project may use, matched by name.
    case templates

    /// Compared unless `--resources` says otherwise.
    public static let defaults: Set<ProjectResource> = [.cases, .sections]

    /// The resources compared project-wide (not suite by suite), in listing order.
    public static let projectWide: [ProjectResource] = [.suites, .sharedSteps, .fields, .templates]

    /// As a heading: `Shared step sets`.
    public var title: String {
        switch self {
        case .cases: return "Cases"
        case .suites: return "Suites"
        case .sections: return "Sections"
        case .sharedSteps: return "Shared step sets"
        case .fields: return "Fields"
        case .templates: return "Templates"
        }
    }

    /// As a summary row of totals: `Sections (all suites)` for every suite's sections together, else the title.
    public var totalTitle: String { self == .sections ? "Sections (all suites)" : title }

    /// One of them, in a sentence: `shared step set`.
    public var singular: String {
        switch self {
        case .cases: return "case"
        case .suites: return "suite"
        case .sections: return "section"
        case .sharedSteps: return "shared step set"
        case .fields: return "field"
        case .templates: return "template"
        }
    }

    /// How an id of this resource is written: `C12` for a case and `S3` for a suite, as TestRail writes them;
    /// `#140` for the others.
    public func id(_ id: Int) -> String {
        switch self {
        case .cases: return "C\(id)"
        case .suites: return "S\(id)"
        default: return "#\(id)"
        }
    }

    /// Listing order: the order of ``allCases``.
    public static func < (lhs: ProjectResource, rhs: ProjectResource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// A resource by the name a user types: its raw value, or `shared_steps`, `shared-step-sets`, `case`, ….
    public init?(named text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch name {
        case "cases", "case": self = .cases
        case "suites", "suite": self = .suites
        case "sections", "section": self = .sections
        case "shared-steps", "shared-step-sets", "shared-step-set", "shared-step": self = .sharedSteps
        case "fields", "field", "case-fields": self = .fields
        case "templates", "template": self = .templates
        default: return nil
        }
    }

    /// `--resources`' value: a comma-separated list of resources, or `all`; nil when a name is unknown or the list
    /// is empty.
    public static func parse(_ text: String) -> Set<ProjectResource>? {
        var result = Set<ProjectResource>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "all" {
                result.formUnion(allCases)
            } else if let resource = ProjectResource(named: name) {
                result.insert(resource)
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }
}
