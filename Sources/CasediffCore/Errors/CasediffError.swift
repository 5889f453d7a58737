import TestRailAPI

/// Why a run could not produce a trustworthy result; every case renders as one line a user can act on.
public enum CasediffError: Error, Sendable, CustomStringConvertible {
    /// A required setting (URL, user, key) is missing.
    case missingSetting(String)
    case unknownProject(ProjectReference, instance: String)
    case ambiguousProject(String, ids: [Int])
    /// A TestRail call failed; `context` says what casediff was doing.
    case request(TestRailError, context: String)
    /// The run was interrupted; `progress` says how far it got.
    case interrupted(progress: String)
    case output(path: String, detail: String)
    /// Pages still failed after their retries (or the fetch ended early): the data cannot be proven complete.
    case incomplete([FetchFailure])
    /// `--suite` named a suite neither project has.
    case unknownSuite(String, available: [String])
    /// `--fields`, `--ignore-fields` or `--match field:` named no field.
    case unknownField(String, known: [String])

    public var description: String {
        switch self {
        case .missingSetting(let detail):
            return detail
        case .unknownProject(let reference, let instance):
            return "project \(reference) not found on \(instance)"
        case .ambiguousProject(let name, let ids):
            return
                "project name '\(name)' matches several projects (\(ids.map { "P\($0)" }.joined(separator: ", "))); give its id"
        case .request(let error, let context):
            return "\(context): \(error)"
        case .interrupted(let progress):
            return "interrupted; \(progress); no result was produced"
        case .output(let path, let detail):
            return "cannot write \(path): \(detail)"
        case .unknownSuite(let name, let available):
            let list = available.isEmpty ? "neither project has suites" : "suites: " + available.joined(separator: ", ")
            return "suite '\(name)' not found in either project (\(list))"
        case .unknownField(let name, let known):
            return "unknown field '\(name)' (fields: \(known.joined(separator: ", ")))"
        case .incomplete(let failures) where failures.isEmpty:
            return "incomplete data: the fetch ended before every page was proven complete; no result was produced"
        case .incomplete(let failures):
            let shown = failures.prefix(5).map(\.description).joined(separator: "; ")
            let more = failures.count > 5 ? "; and \(failures.count - 5) more" : ""
            let pages = failures.count == 1 ? "1 page" : "\(failures.count) pages"
            return "incomplete data: \(pages) still failed after retries: \(shown)\(more); no result was produced"
        }
    }
}
