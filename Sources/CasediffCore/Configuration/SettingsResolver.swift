import TestRailAPI

/// Decides each connection setting from flags over the environment over the configuration file's profile.
///
/// | setting     | flag            | environment         | profile key   | otherwise            |
/// |-------------|-----------------|---------------------|---------------|----------------------|
/// | URL         | `--url`         | `TESTRAIL_URL`      | `url`         | error                |
/// | user        | `--user`        | `TESTRAIL_USER`     | `user`        | error                |
/// | API key     | (none: `ps` would show it) | `TESTRAIL_API_KEY` | `api_key` | error          |
/// | rate        | `--rate`        |                     | `rate`        | learned, else guessed |
/// | concurrency | `--concurrency` |                     | `concurrency` | 8                    |
///
/// The profile is `--profile`, else `$CASEDIFF_PROFILE`, else the one whose `url` is the URL given by flag or
/// environment, else `default`, else the only one. A profile applies only to its own instance: when the URL comes
/// from elsewhere and differs, the profile (its key above all) is not used, so a key never goes to another host.
public enum SettingsResolver {
    /// What the command line says.
    public struct Flags: Sendable, Hashable {
        public var url: String?
        public var user: String?
        public var profile: String?
        public var rate: RateProfile?
        public var concurrency: Int?
        /// The run also talks to another instance (a `PROFILE:PROJECT` side): `TESTRAIL_API_KEY` is then only for
        /// the instance `TESTRAIL_URL` names, never for one a profile names.
        public var environmentKeyOnlyForItsURL: Bool

        public init(
            url: String? = nil, user: String? = nil, profile: String? = nil, rate: RateProfile? = nil,
            concurrency: Int? = nil, environmentKeyOnlyForItsURL: Bool = false
        ) {
            self.environmentKeyOnlyForItsURL = environmentKeyOnlyForItsURL
            self.url = url
            self.user = user
            self.profile = profile
            self.rate = rate
            self.concurrency = concurrency
        }
    }

    /// The settings a run uses, each with its source.
    public struct Resolved: Sendable, Hashable {
        public var url: Setting<String>?
        public var user: Setting<String>?
        /// Never printed; its source may be.
        public var apiKey: Setting<String>?
        /// nil: the session picks a learned rate or guesses from the URL.
        public var rate: Setting<RateProfile>?
        public var concurrency: Setting<Int>
        /// The profile applied, if any.
        public var profile: String?
        /// Why a default profile was not applied (it is for another instance), for `casediff check`.
        public var profileSkipped: String?
    }

    public static let defaultConcurrency = 8

    public static func resolve(flags: Flags, environment: [String: String], file: ConfigFile?) throws -> Resolved {
        let explicitURL =
            flags.url.map { Setting($0, from: .flag("--url")) }
            ?? environment["TESTRAIL_URL"].flatMap {
                $0.isEmpty ? nil : Setting($0, from: .environment("TESTRAIL_URL"))
            }
        var skipped: String?
        let profile = try chooseProfile(flags: flags, environment: environment, file: file, url: explicitURL?.value)
            .flatMap { profile -> ConfigProfile? in
                guard let wanted = explicitURL?.value, let own = profile.url, !sameInstance(wanted, own) else {
                    return profile
                }
                skipped =
                    "profile '\(profile.name)' is for \(TestRailBaseURL.masked(own)), not \(TestRailBaseURL.masked(wanted))"
                return nil
            }
        let source = profile.map { SettingSource.profile(name: $0.name, path: file?.path ?? "") }
        func fromProfile<Value>(_ value: Value?) -> Setting<Value>? {
            guard let value, let source else { return nil }
            return Setting(value, from: source)
        }
        func fromEnvironment(_ name: String) -> Setting<String>? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return Setting(value, from: .environment(name))
        }
        let url = explicitURL ?? fromProfile(profile?.url)
        var key = fromEnvironment("TESTRAIL_API_KEY")
        if flags.environmentKeyOnlyForItsURL, key != nil {
            let named = environment["TESTRAIL_URL"].flatMap { $0.isEmpty ? nil : $0 }
            if !(named.map { envURL in url.map { sameInstance(envURL, $0.value) } ?? false } ?? false) {
                key = nil
            }
        }
        return Resolved(
            url: url,
            user: flags.user.map { Setting($0, from: .flag("--user")) } ?? fromEnvironment("TESTRAIL_USER")
                ?? fromProfile(profile?.user),
            apiKey: key ?? fromProfile(profile?.apiKey),
            rate: flags.rate.map { Setting($0, from: .flag("--rate")) } ?? fromProfile(profile?.rate),
            concurrency: flags.concurrency.map { Setting($0, from: .flag("--concurrency")) }
                ?? fromProfile(profile?.concurrency) ?? Setting(defaultConcurrency, from: .builtIn),
            profile: profile?.name, profileSkipped: skipped)
    }

    static func chooseProfile(flags: Flags, environment: [String: String], file: ConfigFile?, url: String?) throws
        -> ConfigProfile?
    {
        let named = flags.profile ?? environment["CASEDIFF_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let file else {
            if let named { throw CasediffError.missingSetting("no configuration file holds profile '\(named)'") }
            return nil
        }
        if let named {
            guard let profile = file.profiles[named] else {
                throw CasediffError.config(
                    path: file.path,
                    detail: "no profile '\(named)' (profiles: \(ConfigFile.list(file.profiles)))")
            }
            if let url, let own = profile.url, !sameInstance(url, own) {
                throw CasediffError.config(
                    path: file.path,
                    detail:
                        "profile '\(named)' is for \(TestRailBaseURL.masked(own)), but the URL given is \(TestRailBaseURL.masked(url)); "
                        + "drop one of them")
            }
            return profile
        }
        if let url,
            let match = file.profiles.keys.sorted().first(where: { name in
                file.profiles[name]!.url.map { sameInstance($0, url) } ?? false
            })
        {
            return file.profiles[match]
        }
        if let name = file.defaultProfile { return file.profiles[name] }
        return file.profiles.count == 1 ? file.profiles.values.first : nil
    }

    /// True when two URLs name the same TestRail instance (`https://x.testrail.io` and `https://x.testrail.io/`).
    static func sameInstance(_ a: String, _ b: String) -> Bool {
        if let left = try? TestRailBaseURL(a), let right = try? TestRailBaseURL(b) {
            return left.description == right.description
        }
        return a == b
    }
}
