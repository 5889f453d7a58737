import ArgumentParser
import CasediffCore
import Foundation

/// `--fail-on`'s value: drift kinds, per resource or for every one, or `none` (``DriftRule``).
struct DriftKinds: ExpressibleByArgument {
    var rule: DriftRule

    init(_ rule: DriftRule) {
        self.rule = rule
    }

    init?(argument: String) {
        guard let rule = DriftRule(parsing: argument) else { return nil }
        self.rule = rule
    }

    var defaultValueDescription: String { "added,removed,changed,moved,renamed" }

    /// One kind or resource per completion (a list joins them with commas).
    static var defaultCompletionKind: CompletionKind {
        .list(
            CaseStatus.driftKinds.map(\.rawValue) + ProjectResource.allCases.map(\.rawValue)
                + ProjectResource.allCases.map { "\($0.rawValue):" } + ["none"])
    }
}
