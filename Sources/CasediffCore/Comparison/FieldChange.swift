import Foundation
import TestRailAPI

/// One compared value that differs: `old` is the left value, `new` the right, `null` when absent.
public struct FieldChange: Sendable, Hashable {
    /// Where in the case the value sits.
    public enum Location: Sendable, Hashable {
        /// The whole field.
        case field
        /// One step of a step list (0-based, as in a JSON Pointer): its `key` (`content`, `expected`, …), or the
        /// whole step when it was inserted or deleted (`key` nil). The index counts in the right case's steps,
        /// except for a deleted step, which only the left case has.
        case step(index: Int, key: String?)
    }

    public var field: String
    public var location: Location
    public var old: JSONValue
    public var new: JSONValue
    /// What the change makes the case: `moved` for its section, `renamed` for its title, else `changed`.
    public var kind: CaseStatus
    /// The shared step set the changed step belongs to (its title), so an edit of a set is recognised in every
    /// case that uses it; nil for anything else.
    public var origin: String?

    public init(
        field: String, location: Location = .field, old: JSONValue, new: JSONValue, kind: CaseStatus,
        origin: String? = nil
    ) {
        self.field = field
        self.location = location
        self.old = old
        self.new = new
        self.kind = kind
        self.origin = origin
    }

    /// The RFC 6901 JSON Pointer of the value within a case: `/priority`, `/custom_steps_separated/2/expected`.
    public var path: String {
        var path = "/" + Self.escape(field)
        if case .step(let index, let key) = location {
            path += "/\(index)"
            if let key { path += "/" + Self.escape(key) }
        }
        return path
    }

    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
