import Foundation

/// A stored row that cannot be decoded: the store treats the page as absent and fetches it again.
enum StoreCodingError: Error, Equatable, CustomStringConvertible {
    case truncated
    case malformed(String)
    case unknownFormat(Int)

    var description: String {
        switch self {
        case .truncated: return "a stored page ends early"
        case .malformed(let detail): return "a stored page is malformed: \(detail)"
        case .unknownFormat(let format): return "a stored page has an unknown format \(format)"
        }
    }
}
