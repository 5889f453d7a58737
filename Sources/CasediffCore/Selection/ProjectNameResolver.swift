import Foundation
import TestRailAPI

/// The one rule that turns a project named by name (`casediff compare Storefront 'Storefront (migrated)'`) into a
/// project, used by the fetch planner and by `casediff suites`: an exact match wins; without one, case is ignored; more than one match is ambiguous.
///
/// | projects on the instance          | `Storefront` resolves to                   |
/// |-----------------------------------|--------------------------------------------|
/// | `Storefront`                      | it                                         |
/// | `STOREFRONT` only                 | it (no exact match, so case is ignored)    |
/// | `Storefront` and `storefront`     | `Storefront` (the exact match)             |
/// | `storefront` and `STOREFRONT`     | ambiguous: give its id                     |
/// | `Storefront` twice                | ambiguous: give its id                     |
/// | none of these                     | not found                                  |
enum ProjectNameResolver {
    /// - Throws: ``CasediffError/unknownProject(_:instance:)`` when nothing matches,
    ///   ``CasediffError/ambiguousProject(_:ids:)`` when several do.
    static func resolve(_ name: String, among projects: [Project], instance: String) throws -> Project {
        let all = projects.sorted { $0.id < $1.id }
        let exact = all.filter { $0.name == name }
        let matches =
            exact.isEmpty ? all.filter { $0.name.compare(name, options: [.caseInsensitive]) == .orderedSame } : exact
        switch matches.count {
        case 0: throw CasediffError.unknownProject(.name(name), instance: instance)
        case 1: return matches[0]
        default: throw CasediffError.ambiguousProject(name, ids: matches.map(\.id))
        }
    }
}
