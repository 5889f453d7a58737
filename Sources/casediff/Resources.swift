import ArgumentParser
import CasediffCore

/// `--resources`' value: the resources compared, or `all`.
struct Resources: ExpressibleByArgument {
    var set: Set<ProjectResource>

    init(_ set: Set<ProjectResource>) {
        self.set = set
    }

    init?(argument: String) {
        guard let set = ProjectResource.parse(argument) else { return nil }
        self.set = set
    }

    var defaultValueDescription: String { ProjectResource.defaults.sorted().map(\.rawValue).joined(separator: ",") }

    static var defaultCompletionKind: CompletionKind { .list(ProjectResource.allCases.map(\.rawValue) + ["all"]) }
}
