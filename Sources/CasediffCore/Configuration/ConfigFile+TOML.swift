import TOMLKit

extension ConfigFile {
    /// Parses the TOML text; unknown keys and wrong types are errors that name the key, so a typo never silently
    /// drops a setting.
    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CasediffError.config(
                path: path,
                detail: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch {
            throw CasediffError.config(path: path, detail: "not valid TOML: \(error)")
        }
        func fail(_ detail: String) -> CasediffError { .config(path: path, detail: detail) }
        for key in table.keys where !["default", "profiles"].contains(key) {
            throw fail("unknown key '\(key)' (the top level holds: default, profiles)")
        }
        var defaultProfile: String?
        if let value = table["default"] {
            guard let name = value.string else { throw fail("'default' must be a profile's name in quotes") }
            defaultProfile = name
        }
        var profiles: [String: ConfigProfile] = [:]
        if let value = table["profiles"] {
            guard let tables = value.table else { throw fail("'profiles' must be tables: [profiles.NAME]") }
            for name in tables.keys {
                guard let entry = tables[name]?.table else { throw fail("profiles.\(name) must be a table") }
                profiles[name] = try profile(name, entry, fail: fail)
            }
        }
        if let defaultProfile, profiles[defaultProfile] == nil {
            throw fail("default = '\(defaultProfile)' names no profile (profiles: \(list(profiles)))")
        }
        return ConfigFile(path: path, profiles: profiles, defaultProfile: defaultProfile)
    }

    private static func profile(_ name: String, _ entry: TOMLTable, fail: (String) -> CasediffError) throws
        -> ConfigProfile
    {
        var profile = ConfigProfile(name: name)
        for key in entry.keys where !ConfigProfile.keys.contains(key) {
            throw fail(
                "unknown key '\(key)' in profiles.\(name) (known: \(ConfigProfile.keys.joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = entry[key] else { return nil }
            guard let text = value.string, !text.isEmpty else {
                throw fail("profiles.\(name).\(key) must be a non-empty string")
            }
            return text
        }
        profile.url = try string("url")
        profile.user = try string("user")
        profile.apiKey = try string("api_key")
        if let value = entry["rate"] {
            let text = value.string ?? value.int.map(String.init)
            guard let text, let rate = RateProfile(text) else {
                throw fail("profiles.\(name).rate must be cloud, enterprise, server or requests per minute")
            }
            profile.rate = rate
        }
        if let value = entry["concurrency"] {
            guard let number = value.int, (1...64).contains(number) else {
                throw fail("profiles.\(name).concurrency must be a whole number from 1 to 64")
            }
            profile.concurrency = number
        }
        return profile
    }

    static func list(_ profiles: [String: ConfigProfile]) -> String {
        profiles.isEmpty ? "none" : profiles.keys.sorted().joined(separator: ", ")
    }
}
