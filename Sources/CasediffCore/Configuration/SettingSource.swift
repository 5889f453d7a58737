/// Where a setting's value came from, for `casediff check` and for error messages.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case profile(name: String, path: String)
    case builtIn

    public var description: String {
        switch self {
        case .flag(let name): return name
        case .environment(let name): return "$\(name)"
        case .profile(let name, let path): return "profile '\(name)' in \(path)"
        case .builtIn: return "default"
        }
    }
}

/// A resolved value and its ``SettingSource``.
public struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: SettingSource

    public init(_ value: Value, from source: SettingSource) {
        self.value = value
        self.source = source
    }
}
