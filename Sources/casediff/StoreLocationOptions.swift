import ArgumentParser
import CasediffStore
import Foundation

/// Where the store is: shared by the commands that fetch and those that only read what it remembers.
struct StoreLocationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The SQLite store (default: $XDG_CACHE_HOME/casediff/store.sqlite or ~/.cache/casediff/store.sqlite).",
            valueName: "path"))
    var store: String?

    @Flag(help: "Neither read nor write the store: fetch everything, remember nothing.")
    var noStore = false

    func validate() throws {
        if store?.isEmpty == true { throw ValidationError("--store needs a file path; '' is empty") }
    }

    /// The store's path; nil with `--no-store`, or when neither `HOME` nor `XDG_CACHE_HOME` gives a place.
    func path(environment: [String: String]) -> String? {
        if noStore { return nil }
        return store ?? StoreLocation.defaultPath(environment: environment)
    }

    /// Runs `body` with the store open if it already exists (discovery commands read it, never create it).
    func withExistingStore<Result>(
        environment: [String: String], _ body: (CasediffDatabase?) async throws -> Result
    ) async throws -> Result {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return try await body(nil)
        }
        // Discovery only reads (a learned rate): read-only, so it never changes a store, and one it cannot read
        // is simply not used.
        guard let database = try? CasediffDatabase(path: path, readOnly: true) else { return try await body(nil) }
        defer { try? database.close() }
        return try await body(database)
    }
}
