/// Where a setting's value came from, for `casediff check` and for error messages.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case profile(name: String, path: String)
    case builtIn

    /// The source in a few words, for a statistics line: `--rate`, `$TESTRAIL_URL`, `profile 'ci'`.
    public var brief: String {
        if case .profile(let name, _) = self { return "profile '\(name)'" }
        return description
    }

    public var description: String {
        switch self {
        case .flag(let name): return name
        case .environment(let name): return "$\(name)"
        case .profile(let name, let path): return "profile '\(name)' in \(path)"
        case .builtIn: return "default"
        }
    }
}
