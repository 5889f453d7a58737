import Foundation
import TestRailAPI

/// Why a dataset file could not be loaded into the simulator.
public enum DatasetError: Error, Sendable, CustomStringConvertible {
    case unreadable(String, String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): return "cannot read fixture \(path): \(detail)"
        case .invalid(let path, let detail): return "invalid fixture \(path): \(detail)"
        }
    }
}
