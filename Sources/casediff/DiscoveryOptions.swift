import ArgumentParser
import CasediffCore
import CasediffStore
import Foundation
import TestRailAPI

/// What the discovery commands (`projects`, `suites`, `check`) share: the connection, the rate, the store they read
/// remembered sizes and rates from (never create), the output format and the request log.
struct DiscoveryOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup var connection: ConnectionOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The instance's rate limit: cloud, enterprise, server or requests per minute (default: the profile's, "
                + "a learned one, or a guess from the URL).", valueName: "profile"),
        completion: RateProfile.defaultCompletionKind, transform: RateProfile.parseArgument)
    var rate: RateProfile?

    @OptionGroup var store: StoreLocationOptions

    @Option(name: [.short, .long], help: "What to print on stdout: table or json.")
    var format: Format = .table

    @OptionGroup var log: LogOptions

    /// Resolves the settings, opens the request log and the store (if it exists), and runs `body` with a client,
    /// the rate to use and the store.
    func run<Value: Sendable>(
        _ body:
            @escaping @Sendable (TestRailClient, RateChoice, SettingsResolver.Resolved, Reporting, CasediffDatabase?)
            async throws
            -> Value
    ) async throws -> Value {
        let environment = ProcessInfo.processInfo.environment
        let settings = try connection.settings(environment: environment, rate: rate)
        let client = try connection.client(settings)
        let reporting = try Reporting(
            display: nil, quiet: false, log: log, environment: environment, scrubber: Redaction.current)
        defer { reporting.close() }
        let value = try await store.withExistingStore(environment: environment) { database in
            let learned = try await database?.learnedRate(instance: client.baseURL.description)
            let rate = RateChoice.resolve(
                given: settings.rate?.value, givenBy: settings.rate?.source.brief, learned: learned,
                guess: RateProfile.guess(for: client.baseURL))
            return try await Interrupts.cancellingOnSignals {
                try await body(client, rate, settings, reporting, database)
            }
        }
        try reporting.finish()
        return value
    }

    /// Writes a listing to stdout through the run's scrubber (a project's name is server text).
    func print(_ data: Data) throws {
        try OutputFile.write(data, to: "-", scrubber: Redaction.current)
    }
}
