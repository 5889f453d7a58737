import Foundation

/// Removes credentials from text that may have come from a server or be shown to a person: the API key, `user:key`,
/// the base64 form of `user:key` (the `Authorization: Basic` value) and the key percent-encoded, each replaced by
/// ``redaction``.
///
/// A server can echo the request's headers in an error body; a URL can carry a password. Every message, log line,
/// report and stored string that may hold server text passes through a scrubber before it leaves casediff.
public struct SecretScrubber: Sendable, Hashable {
    public static let redaction = "<redacted>"
    /// Secrets shorter than this are not scrubbed: replacing every "a" of a one-letter key would ruin all output
    /// and protect nothing.
    static let minimumLength = 4

    /// Longest first, so `user:key` is replaced whole before `key` inside it.
    public private(set) var secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = []
        add(secrets)
    }

    public init(credentials: [Credentials]) {
        self.init(secrets: credentials.flatMap(\.secretForms))
    }

    public static let none = SecretScrubber()

    public var isEmpty: Bool { secrets.isEmpty }

    /// Adds secrets, each also as JSON may write it (PHP, and so TestRail, escapes `/` as `\\/`).
    public mutating func add(_ more: [String]) {
        let long = more.filter { $0.count >= Self.minimumLength }
        let escaped = long.filter { $0.contains("/") }.map { $0.replacingOccurrences(of: "/", with: "\\/") }
        let all = Set(secrets).union(long).union(escaped)
        secrets = all.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    public mutating func add(_ credentials: Credentials) {
        add(credentials.secretForms)
    }

    /// `text` with every secret replaced.
    public func scrub(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: Self.redaction)
        }
        return text
    }
}
