import Foundation

/// The suites `--suite` names: matched by name, trimmed and ignoring case; empty selects every suite.
public struct SuiteFilter: Sendable, Hashable {
    public var names: [String]

    public init(_ names: [String] = []) {
        self.names = names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { names.isEmpty }

    public func matches(_ suiteName: String) -> Bool {
        names.isEmpty || names.contains { Self.same($0, suiteName) }
    }

    /// The first named suite that none of `available` is, if any.
    private func unknown(among available: [String]) -> String? {
        names.first { name in !available.contains { Self.same(name, $0) } }
    }

    /// - Throws: ``CasediffError/unknownSuite(_:available:)`` for the first named suite none of `available` is.
    public func check(available: [String]) throws {
        if let unknown = unknown(among: available) {
            throw CasediffError.unknownSuite(unknown, available: Set(available).sorted())
        }
    }

    private static func same(_ name: String, _ suiteName: String) -> Bool {
        name.caseInsensitiveCompare(suiteName.trimmingCharacters(in: .whitespacesAndNewlines)) == .orderedSame
    }
}
