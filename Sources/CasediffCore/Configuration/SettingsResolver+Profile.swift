extension SettingsResolver {
    /// The settings of a `PROFILE:PROJECT` side: the named profile's URL, user and key, whatever the flags and
    /// environment say of the run's other instance; `--rate` and `--concurrency` still apply.
    ///
    /// | setting     | from                                                                     |
    /// |-------------|--------------------------------------------------------------------------|
    /// | URL         | the profile's `url` (required)                                           |
    /// | user        | the profile's `user`, else `TESTRAIL_USER` only when `TESTRAIL_URL`      |
    /// |             | names the profile's own instance                                         |
    /// | API key     | the profile's `api_key`, else `TESTRAIL_API_KEY` only when `TESTRAIL_URL` |
    /// |             | names the profile's own instance: a key never goes to another instance   |
    /// | rate        | `--rate`, else the profile's `rate`                                      |
    /// | concurrency | `--concurrency`, else the profile's, else 8                              |
    ///
    /// - Throws: ``CasediffError/config(path:detail:)`` for an unknown profile or one without a URL;
    ///   ``CasediffError/missingSetting(_:)`` when there is no configuration file at all.
    public static func resolve(
        profile name: String, flags: Flags, environment: [String: String], file: ConfigFile?
    ) throws -> Resolved {
        let escape = "a project whose name holds ':' is written with a leading ':' (:Release: 2.0)"
        guard let file else {
            throw CasediffError.missingSetting(
                "unknown profile '\(name)': there is no configuration file (~/.config/casediff/config.toml); "
                    + escape)
        }
        guard let profile = file.profiles[name] else {
            throw CasediffError.config(
                path: file.path, detail: "no profile '\(name)' (profiles: \(ConfigFile.list(file.profiles))); \(escape)"
            )
        }
        guard let url = profile.url else {
            throw CasediffError.config(path: file.path, detail: "profile '\(name)' has no url")
        }
        let source = SettingSource.profile(name: name, path: file.path)
        func fromEnvironment(_ key: String) -> Setting<String>? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return Setting(value, from: .environment(key))
        }
        // The environment names one instance (TESTRAIL_URL): its user and key go to that instance only.
        let ownInstance = environment["TESTRAIL_URL"].map { sameInstance($0, url) } ?? false
        var key = profile.apiKey.map { Setting($0, from: source) }
        var user = profile.user.map { Setting($0, from: source) }
        if ownInstance {
            key = key ?? fromEnvironment("TESTRAIL_API_KEY")
            user = user ?? fromEnvironment("TESTRAIL_USER")
        }
        return Resolved(
            url: Setting(url, from: source),
            user: user,
            apiKey: key,
            rate: flags.rate.map { Setting($0, from: .flag("--rate")) }
                ?? profile.rate.map { Setting($0, from: source) },
            concurrency: flags.concurrency.map { Setting($0, from: .flag("--concurrency")) }
                ?? profile.concurrency.map { Setting($0, from: source) } ?? Setting(defaultConcurrency, from: .builtIn),
            profile: name, profileSkipped: nil)
    }
}
