import Foundation

/// A kind of fault a ``FaultPlan`` can inject by rate, named as `testrail-sim --fault-kinds` spells it.
public enum FaultKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 500 or 503.
    case serverError = "5xx"
    /// The connection closes mid-body.
    case drop
    /// The JSON body is cut in half.
    case truncate
    /// A 200 HTML login page (only on calls that name a suite; see ``FaultPlan/acceptsHTML(parameters:)``).
    case html
    /// 409 maintenance with `Retry-After: 1`.
    case maintenance = "409"
    /// 429 with `Retry-After: 1`.
    case rateLimit = "429"

    public var description: String { rawValue }

    /// The kinds named in `text`: `all`, or a comma-separated list of `5xx,drop,truncate,html,409,429`; nil if any
    /// name is unknown or the list is empty.
    public static func parse(_ text: String) -> [FaultKind]? {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if names == ["all"] { return allCases }
        var kinds: [FaultKind] = []
        for name in names {
            guard let kind = FaultKind(rawValue: name.lowercased()) else { return nil }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds.isEmpty ? nil : kinds
    }
}
