import Foundation
import TestRailAPI

/// How fast casediff may call an instance: TestRail's per-instance limits, or a number the user gives.
///
/// | profile      | requests/min | where                                         |
/// |--------------|--------------|-----------------------------------------------|
/// | `cloud`      | 180          | TestRail Cloud (`*.testrail.io`, `.com`, `.net`) |
/// | `enterprise` | 300          | TestRail Cloud Enterprise                      |
/// | `server`     | unlimited    | self-hosted TestRail Server                     |
/// | `<n>`        | n            | whatever the instance's administrator set      |
///
/// The limiter treats the profile as a ceiling and a starting point: it learns a lower limit from 429 answers.
public enum RateProfile: Sendable, Hashable, CustomStringConvertible {
    case cloud
    case enterprise
    case server
    case perMinute(Int)

    /// Parses `cloud`, `enterprise`, `server`/`unlimited`, or a positive number of requests per minute.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "cloud": self = .cloud
        case "enterprise": self = .enterprise
        case "server", "unlimited", "none": self = .server
        default:
            guard let value = Int(text), value > 0 else { return nil }
            self = .perMinute(value)
        }
    }

    /// Requests per minute, or nil for no limit.
    public var requestsPerMinute: Int? {
        switch self {
        case .cloud: return 180
        case .enterprise: return 300
        case .server: return nil
        case .perMinute(let value): return value
        }
    }

    /// The profile a URL suggests: TestRail's cloud domains are rate-limited; anything else is taken for Server.
    public static func guess(for baseURL: TestRailBaseURL) -> RateProfile {
        let host = baseURL.root.host?.lowercased() ?? ""
        let cloudDomains = ["testrail.io", "testrail.com", "testrail.net"]
        if cloudDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
            return .cloud
        }
        return .server
    }

    public var description: String {
        switch self {
        case .cloud: return "cloud (180/min)"
        case .enterprise: return "enterprise (300/min)"
        case .server: return "server (no limit)"
        case .perMinute(let value): return "\(value)/min"
        }
    }
}
