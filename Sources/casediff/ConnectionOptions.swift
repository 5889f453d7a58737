import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// The flags every command that talks to TestRail shares; ``SettingsResolver`` weighs them against the
/// environment and the configuration file's profiles.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "TestRail root URL (default: $TESTRAIL_URL, then the profile's url).")
    var url: String?

    @Option(name: .long, help: "TestRail user email (default: $TESTRAIL_USER, then the profile's user).")
    var user: String?

    @Option(
        help: ArgumentHelp(
            "The configuration file's profile to use (default: $CASEDIFF_PROFILE, the profile for the URL, then "
                + "the file's default).", valueName: "name"))
    var profile: String?

    @Option(
        help: ArgumentHelp(
            "The configuration file (default: $CASEDIFF_CONFIG, else ~/.config/casediff/config.toml).",
            valueName: "path"))
    var config: String?

    @Option(name: .long, parsing: .unconditional, help: "Seconds to wait for one response.")
    var timeout: Int = 30

    @Option(
        name: .customLong("max-response-size"), parsing: .unconditional,
        help: ArgumentHelp(
            "The largest response accepted, in MB; a larger one is refused as it arrives.", valueName: "MB"))
    var maxResponseSize: Int = TestRailClient.defaultMaximumResponseSize >> 20

    func validate() throws {
        guard timeout > 0 else {
            throw ValidationError("--timeout must be a positive whole number of seconds (got \(timeout))")
        }
        guard (1...4096).contains(maxResponseSize) else {
            throw ValidationError(
                "--max-response-size must be a whole number of MB from 1 to 4096 (got \(maxResponseSize))")
        }
        for (name, value) in [("--url", url), ("--user", user), ("--profile", profile), ("--config", config)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("\(name) is empty; give a value or leave the option out")
            }
        }
    }

    /// Every setting with its source: flags over the environment over the configuration file.
    func settings(
        environment: [String: String], rate: RateProfile? = nil, concurrency: Int? = nil,
        environmentKeyOnlyForItsURL: Bool = false
    ) throws -> SettingsResolver.Resolved {
        let file = try ConfigFile.load(flag: config, environment: environment)
        // Registered before anything can fail on them: a key in the file is redacted even from a settings error.
        Redaction.register(file?.secretForms ?? [])
        Redaction.register(SettingsResolver.urlPasswordForms(url))
        let resolved = try SettingsResolver.resolve(
            flags: .init(
                url: url, user: user, profile: profile, rate: rate, concurrency: concurrency,
                environmentKeyOnlyForItsURL: environmentKeyOnlyForItsURL),
            environment: environment, file: file)
        Redaction.register(resolved.secretForms)
        return resolved
    }

    /// A client for the resolved settings. `--offline` sends nothing, so it needs only the URL (the store's key
    /// for the instance).
    func client(_ settings: SettingsResolver.Resolved, offline: Bool = false) throws -> TestRailClient {
        let hint = "or add a profile to ~/.config/casediff/config.toml"
        guard let urlText = settings.url?.value else {
            throw CasediffError.missingSetting("no TestRail URL: pass --url, set TESTRAIL_URL \(hint)")
        }
        let baseURL = try TestRailBaseURL(urlText)
        if offline {
            return TestRailClient(
                baseURL: baseURL, credentials: Credentials(user: "", apiKey: ""), transport: URLSessionTransport(),
                timeout: .seconds(timeout))
        }
        guard let user = settings.user?.value else {
            throw CasediffError.missingSetting("no TestRail user: pass --user, set TESTRAIL_USER \(hint)")
        }
        guard let key = settings.apiKey?.value else {
            throw CasediffError.missingSetting("no API key: set TESTRAIL_API_KEY \(hint) (chmod 600)")
        }
        return TestRailClient(
            baseURL: baseURL, credentials: Credentials(user: user, apiKey: key), transport: URLSessionTransport(),
            timeout: .seconds(timeout), maximumResponseSize: maxResponseSize << 20)
    }
}
