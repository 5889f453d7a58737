import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// The sides of a run as the engine takes them: snapshots read, projects with the connection of their instance.
///
/// A project without a profile is on the instance the flags, environment and configuration file name (one
/// instance for every such side); a `PROFILE:PROJECT` side is on its profile's instance, with that profile's own
/// user and key, which go nowhere else.
struct SideSources {
    var sources: [CompareJob.Source]
    /// The flags' instance, when some side is on it.
    var client: TestRailClient?
    var settings: SettingsResolver.Resolved?

    var needsServer: Bool { sources.contains { if case .snapshot = $0 { false } else { true } } }

    init(
        _ sides: [SideArgument], connection: ConnectionOptions, fetch: FetchOptions, offline: Bool,
        environment: [String: String]
    ) throws {
        var file: ConfigFile??
        func configFile() throws -> ConfigFile? {
            if let file { return file }
            let loaded = try ConfigFile.load(flag: connection.config, environment: environment)
            Redaction.register(loaded?.secretForms ?? [])
            file = .some(loaded)
            return loaded
        }
        let profiled = sides.contains { if case .project(_, _?) = $0.kind { true } else { false } }
        let plain = sides.contains { if case .project(_, nil) = $0.kind { true } else { false } }
        if profiled, !plain, connection.url != nil || connection.user != nil || connection.profile != nil {
            throw ValidationError(
                "--url, --user and --profile name the instance of a side written without PROFILE:; "
                    + "here every side names its own profile")
        }
        var sources: [CompareJob.Source] = []
        for side in sides where side.text.trimmingCharacters(in: CharacterSet(charactersIn: ": ")).isEmpty {
            throw ValidationError("'\(side.text)' names no project: give an id, P<id>, a name or a snapshot file")
        }
        for side in sides {
            switch side.kind {
            case .snapshot(let path):
                sources.append(.snapshot(try SideArgument.readSnapshot(path)))
            case .project(let reference, nil):
                if settings == nil {
                    settings = try connection.settings(
                        environment: environment, rate: fetch.rate, concurrency: fetch.concurrency,
                        environmentKeyOnlyForItsURL: profiled)
                }
                if settings?.url == nil, side.looksLikePath {
                    throw CasediffError.snapshot(path: side.text, detail: "cannot read it (no such file)")
                }
                if let settings, let url = settings.url?.value, settings.apiKey == nil, profiled, !offline,
                    !(environment["TESTRAIL_API_KEY"] ?? "").isEmpty
                {
                    throw CasediffError.missingSetting(
                        "no API key for \(TestRailBaseURL.masked(url)): with a PROFILE:PROJECT side in the run, $TESTRAIL_API_KEY goes only "
                            + "to the instance $TESTRAIL_URL names; set TESTRAIL_URL, or write this side as PROFILE:PROJECT"
                    )
                }
                if client == nil, let settings {
                    client = try connection.client(settings, offline: offline)
                }
                sources.append(.live(reference))
            case .project(let reference, let profile?):
                let resolved = try SettingsResolver.resolve(
                    profile: profile,
                    flags: .init(rate: fetch.rate, concurrency: fetch.concurrency),
                    environment: environment, file: try configFile())
                Redaction.register(resolved.secretForms)
                let client = try connection.client(resolved, offline: offline)
                sources.append(
                    .remote(
                        reference,
                        InstanceConnection(
                            client: client, rate: resolved.rate?.value, concurrency: resolved.concurrency.value,
                            rateGivenBy: resolved.rate?.source.brief)))
            }
        }
        self.sources = sources
    }
}
