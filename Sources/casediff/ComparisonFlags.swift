import ArgumentParser
import CasediffCore
import Foundation

/// How cases are matched and compared, and what counts as drift.
struct ComparisonFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What identifies a case on both sides: title, path (section path + title), id, or field:<system_name>.",
            valueName: "key"))
    var match: MatchKey = .title

    @Option(name: .customLong("suite"), help: "Compare only this suite (repeatable).")
    var suites: [String] = []

    @Flag(help: "Match cases across the whole project, not within the suite of the same name.")
    var crossSuite = false

    @Flag(help: "Ignore letter case in keys and compared text.")
    var ignoreCase = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Title similarity (0-1) at which an unmatched pair in one section counts as renamed; 1 turns it off.",
            valueName: "similarity"))
    var renameThreshold: Double = ComparisonOptions.defaultRenameThreshold

    @Option(
        help: ArgumentHelp(
            "Compare exactly these fields (comma-separated or repeated).",
            discussion: "System names (priority, custom_automation_id) or preconditions, steps, expected.",
            valueName: "fields"))
    var fields: [String] = []

    @Option(help: ArgumentHelp("Leave these fields out of the comparison.", valueName: "fields"))
    var ignoreFields: [String] = []

    @Option(
        help: ArgumentHelp(
            "What to compare: any of cases,suites,sections,shared-steps,fields,templates, or all.",
            discussion: "Each is matched by meaning (names, paths, titles; never ids). Default: cases,sections.",
            valueName: "resources"))
    var resources: Resources = Resources(ProjectResource.defaults)

    @Option(
        help: ArgumentHelp(
            "What counts as drift for exit code 1: kinds (added,removed,changed,moved,renamed), per resource "
                + "(cases:added,removed,sections), or none.",
            discussion:
                "A bare kind counts for every resource; RESOURCE:KIND and the kinds after it for that resource; a bare "
                + "resource name counts its every kind. Resources --fail-on names must be compared.",
            valueName: "kinds"))
    var failOn: DriftKinds = DriftKinds(DriftRule.everything)

    @Flag(
        help: ArgumentHelp(
            "Compare attachment ids in text; by default every attachment reference is the same ([attachment]).",
            discussion: "A migration gives every attachment a new id (integers on Server, UUIDs on Cloud)."))
    var compareAttachments = false

    func validate() throws {
        guard (0...1).contains(renameThreshold) else {
            throw ValidationError("--rename-threshold must be a number from 0 to 1 (got \(renameThreshold))")
        }
        try Self.validateSuiteNames(suites)
        let uncompared = failOn.rule.namedResources.subtracting(resources.set)
        guard uncompared.isEmpty else {
            let names = uncompared.sorted().map(\.rawValue).joined(separator: ",")
            throw ValidationError(
                "--fail-on names \(names), which --resources leaves out; add it: --resources "
                    + resources.set.union(uncompared).sorted().map(\.rawValue).joined(separator: ","))
        }
    }

    /// `--suite ""` would silently mean every suite: an empty name is refused.
    static func validateSuiteNames(_ names: [String]) throws {
        if names.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--suite needs a suite's name; leave --suite out to compare every suite")
        }
    }

    var options: ComparisonOptions {
        func list(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        }
        return ComparisonOptions(
            match: match, crossSuite: crossSuite, suites: suites, ignoreCase: ignoreCase,
            renameThreshold: renameThreshold,
            fields: FieldSelection(only: fields.isEmpty ? nil : list(fields), ignored: list(ignoreFields)),
            drift: failOn.rule, resources: resources.set)
    }
}

extension MatchKey: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public var defaultValueDescription: String { description }

    /// The shell completes the keys; after `field:` the user types a field's system name.
    public static var defaultCompletionKind: CompletionKind { .list(["title", "path", "id", "field:"]) }
}
