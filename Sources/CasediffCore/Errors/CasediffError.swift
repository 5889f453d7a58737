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
    /// An output cannot be written; `path` is `-` for stdout.
    case output(path: String, detail: String)
    /// Pages still failed after their retries (or the fetch ended early): the data cannot be proven complete.
    case incomplete([FetchFailure])
    /// `--suite` named a suite neither project has.
    case unknownSuite(String, available: [String])
    /// `--fields`, `--ignore-fields` or `--match field:` named no field.
    case unknownField(String, known: [String])
    /// `--match field:` named a field neither project's cases carry: as typed, its system name, the custom fields.
    case unknownMatchField(String, name: String, known: [String])
    /// `--offline`: the store holds no copy of these pages.
    case notStored([PageKey])
    /// The store cannot be used: it is not a casediff store, not a file, or (offline) damaged or missing.
    case store(path: String, detail: String)
    /// The store cannot be opened or created (a read-only or full disk, permissions, an I/O error): a run that
    /// fetches goes on without it and warns; `--offline` ends with this line.
    case storeUnavailable(path: String, detail: String)
    /// A snapshot file cannot be read or is not a casediff snapshot.
    case snapshot(path: String, detail: String)
    /// `--resources` asked for a resource one side's list of is not known: a snapshot written before it was kept,
    /// or a server that refused or lacks the list (shared step sets before TestRail 7.0). `side` is `left` or
    /// `right`; `why` what the fetch said.
    case unknownResource(ProjectResource, side: String, why: String)
    /// The configuration file cannot be read, does not parse, or is unsafe (a key others can read).
    case config(path: String, detail: String)

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
        case .output("-", let detail):
            return "cannot write the result to stdout: \(detail)"
        case .output(let path, let detail):
            return "cannot write \(path): \(detail)"
        case .unknownSuite(let name, let available):
            let list = available.isEmpty ? "neither project has suites" : "suites: " + available.joined(separator: ", ")
            return "suite '\(name)' not found in either project (\(list))"
        case .unknownField(let name, let known):
            return "unknown field '\(name)' (fields: \(known.joined(separator: ", ")))"
        case .unknownMatchField(let typed, let name, let known):
            let system = typed == name ? "" : " (\(name))"
            let list = known.isEmpty ? "they have no custom fields" : "custom fields: " + known.joined(separator: ", ")
            return "--match field:\(typed): neither project has this field\(system); \(list)"
        case .notStored(let keys):
            let shown = keys.prefix(5).map(\.description).joined(separator: "; ")
            let more = keys.count > 5 ? "; and \(keys.count - 5) more" : ""
            return
                "offline: the store holds no copy of \(shown)\(more); run once without --offline to fetch them"
        case .store(let path, let detail), .storeUnavailable(let path, let detail):
            return "store \(path): \(detail)"
        case .snapshot(let path, let detail):
            return "snapshot \(path): \(detail)"
        case .config(let path, let detail):
            return "config \(path): \(detail)"
        case .unknownResource(let resource, let side, let why):
            return
                "cannot compare \(resource.title.lowercased()): the \(side) project's list is not known (\(why)); "
                + "leave \(resource.rawValue) out of --resources"
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

extension CasediffError {
    /// Runs a store access, reporting any failure as one ``store(path:detail:)`` line (`describe` words it);
    /// casediff's own errors and cancellation pass through unchanged.
    public static func guardingStore<Value: Sendable>(
        path: String, describe: (any Error) -> String = { String(describing: $0) },
        _ body: () async throws -> Value
    ) async throws -> Value {
        do {
            return try await body()
        } catch let error as CasediffError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CasediffError.store(path: path, detail: describe(error))
        }
    }
}

extension CasediffError {
    /// The error with the instance it happened on, for a run that talks to two.
    func naming(instance: String) -> CasediffError {
        switch self {
        case .request(let error, let context): return .request(error, context: "\(context) on \(instance)")
        default: return self
        }
    }
}
