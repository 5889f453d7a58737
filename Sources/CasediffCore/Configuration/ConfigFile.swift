import Foundation

/// casediff's configuration file: named profiles, one per TestRail instance, and which one is the default.
///
/// ```toml
/// default = "cloud"
///
/// [profiles.cloud]
/// url = "https://example.testrail.io"
/// user = "qa@example.com"
/// api_key = "…"          # the file must then be private: chmod 600
/// rate = "cloud"          # cloud | enterprise | server | requests per minute
/// concurrency = 8
/// ```
public struct ConfigFile: Sendable, Hashable {
    public var path: String
    public var profiles: [String: ConfigProfile]
    public var defaultProfile: String?

    public init(path: String, profiles: [String: ConfigProfile], defaultProfile: String? = nil) {
        self.path = path
        self.profiles = profiles
        self.defaultProfile = defaultProfile
    }

    /// True when some profile holds an API key (the file must then be private).
    public var holdsKey: Bool { profiles.values.contains { $0.apiKey != nil } }

    /// `--config`, else `$CASEDIFF_CONFIG`, else `$XDG_CONFIG_HOME/casediff/config.toml`, else
    /// `~/.config/casediff/config.toml`; `explicit` is true when the user named the file (it must then exist).
    public static func location(flag: String?, environment: [String: String]) -> (path: String, explicit: Bool)? {
        if let flag, !flag.isEmpty { return (flag, true) }
        if let path = environment["CASEDIFF_CONFIG"], !path.isEmpty { return (path, true) }
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return (base + "/casediff/config.toml", false)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home + "/.config/casediff/config.toml", false)
    }

    /// Reads and checks the file: nil when a default location holds none.
    public static func load(flag: String?, environment: [String: String]) throws -> ConfigFile? {
        guard let (path, explicit) = location(flag: flag, environment: environment) else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit { throw CasediffError.config(path: path, detail: "no such file") }
            return nil
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CasediffError.config(path: path, detail: "cannot be read: \(CasediffError.fileReason(error))")
        }
        let file = try parse(text, path: path)
        if file.holdsKey {
            // The mode that matters is the file's own: through a symlink, its target's (stat, not lstat).
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw CasediffError.config(
                    path: path, detail: "cannot be read: \(CasediffError.fileReason(errno: errno))")
            }
            if let problem = permissionProblem(mode: Int(info.st_mode)) {
                let target = symlinkTarget(path)
                let named = target.map { "its target \($0) " } ?? ""
                throw CasediffError.config(
                    path: path, detail: named + problem + "; run: chmod 600 \(target ?? path)")
            }
        }
        return file
    }

    /// The file a symlink finally points to, or nil when `path` is no symlink.
    static func symlinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why a file holding an API key is unsafe with these permission bits, or nil when only its owner can read it.
    ///
    /// | mode  | verdict                                                  |
    /// |-------|----------------------------------------------------------|
    /// | 0600  | fine                                                     |
    /// | 0400  | fine                                                     |
    /// | 0640  | refused: its group can read it                           |
    /// | 0644  | refused: others can read it                              |
    public static func permissionProblem(mode: Int) -> String? {
        let octal = String(mode & 0o777, radix: 8)
        if mode & 0o004 != 0 || mode & 0o002 != 0 {
            return "holds an API key but others can read it (mode 0\(octal)); casediff refuses to use it"
        }
        if mode & 0o070 != 0 {
            return "holds an API key but its group can read it (mode 0\(octal)); casediff refuses to use it"
        }
        return nil
    }
}
