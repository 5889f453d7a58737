import Foundation
import TestRailAPI

extension Suite {
    /// The name as suites are matched by: trimmed. The comparison pairs suites by it; the planner uses it to keep
    /// a pair's two suites moving together.
    var trimmedName: String { name.trimmingCharacters(in: .whitespacesAndNewlines) }
}
