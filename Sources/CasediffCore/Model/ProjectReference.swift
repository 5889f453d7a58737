import Foundation

/// How a user names a project on the command line: `12`, `P12`, or its name (resolved by ``ProjectNameResolver``).
public enum ProjectReference: Sendable, Hashable, CustomStringConvertible {
    case id(Int)
    case name(String)

    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int(trimmed), id > 0 {
            self = .id(id)
        } else if trimmed.uppercased().hasPrefix("P"), let id = Int(trimmed.dropFirst()), id > 0 {
            self = .id(id)
        } else {
            self = .name(trimmed)
        }
    }

    public var description: String {
        switch self {
        case .id(let id): return "P\(id)"
        case .name(let name): return "'\(name)'"
        }
    }
}
