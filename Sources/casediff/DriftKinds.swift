import ArgumentParser
import CasediffCore
import Foundation

/// `--fail-on`'s value: a comma-separated list of drift kinds, or `none`.
struct DriftKinds: ExpressibleByArgument {
    var kinds: Set<CaseStatus>

    init(_ kinds: Set<CaseStatus>) {
        self.kinds = kinds
    }

    init?(argument: String) {
        if argument.trimmingCharacters(in: .whitespaces) == "none" {
            kinds = []
            return
        }
        var kinds = Set<CaseStatus>()
        for part in argument.split(separator: ",") {
            guard let kind = CaseStatus(rawValue: part.trimmingCharacters(in: .whitespaces)), kind != .unchanged
            else { return nil }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { return nil }
        self.kinds = kinds
    }

    var defaultValueDescription: String { "added,removed,changed,moved,renamed" }

    /// One kind per completion (a list joins them with commas).
    static var defaultCompletionKind: CompletionKind {
        .list(CaseStatus.driftKinds.map(\.rawValue) + ["none"])
    }
}
