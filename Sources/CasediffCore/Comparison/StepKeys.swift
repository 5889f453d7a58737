import TestRailAPI

/// Keys of a step object as the comparison sees it.
enum StepKeys {
    /// The title of the shared step set a step came from: shown with a change, never compared.
    static let sharedSet = "shared_step_set"

    /// A step's `refs` are references, as a case's are; its other keys are text.
    static func rule(for key: String, in rule: ValueRule) -> ValueRule {
        key == "refs" ? .references : rule
    }
}
