import ArgumentParser
import CasediffCore
import CasediffStore
import Foundation

/// casediff's memory: where the store is, and which stored pages a run may use.
struct StoreOptions: ParsableArguments {
    @OptionGroup var location: StoreLocationOptions

    var noStore: Bool { location.noStore }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Use stored pages younger than this instead of fetching them (e.g. 30s, 10m, 2h, 1d; default 0).",
            valueName: "age"),
        transform: StoredAge.parseArgument)
    var maxAge: StoredAge?

    @Flag(help: "Use only the store; send no request. Says which pages are missing.")
    var offline = false

    @Flag(
        help: ArgumentHelp(
            "Bring stored suites up to date with get_cases updated_after instead of fetching them again.",
            discussion: "Each suite is proven complete by a count check; any doubt means a full fetch (docs/store.md).")
    )
    var incremental = false

    func validate() throws {
        if noStore, offline { throw ValidationError("--offline needs the store; drop --no-store") }
        if noStore, maxAge != nil { throw ValidationError("--max-age needs the store; drop --no-store") }
        if noStore, incremental { throw ValidationError("--incremental needs the store; drop --no-store") }
        if offline, incremental { throw ValidationError("--incremental sends requests; drop --offline") }
    }

    /// Runs `body` with the store open (nil with `--no-store`, or when nothing is fetched) and closes it afterwards.
    func withStore<Result>(
        environment: [String: String], needed: Bool = true, _ body: (StoreSettings?) async throws -> Result
    ) async throws -> Result {
        guard needed, let path = location.path(environment: environment) else {
            if offline { throw CasediffError.missingSetting("--offline needs a store: pass --store or set HOME") }
            return try await body(nil)
        }
        if offline, !FileManager.default.fileExists(atPath: path) {
            throw CasediffError.store(path: path, detail: "does not exist; run once without --offline to fill it")
        }
        let database: CasediffDatabase
        do {
            // Offline nothing is written: read-only, so a read-only store or folder serves.
            database = try CasediffDatabase(path: path, readOnly: offline)
        } catch let error as CasediffError {
            // A store that cannot be opened (read-only folder, full disk) is no reason to fail a run that
            // fetches: it goes on without it and warns once. Offline has nothing else to go on.
            guard case .storeUnavailable = error, !offline else { throw error }
            let unavailable = UnavailableStore(reason: error)
            return try await body(
                StoreSettings(pages: unavailable, history: unavailable, location: path, maxAge: maxAge?.duration))
        }
        defer { try? database.close() }
        let settings = StoreSettings(
            pages: database, history: database, location: path, maxAge: maxAge?.duration, offline: offline)
        return try await body(settings)
    }
}
