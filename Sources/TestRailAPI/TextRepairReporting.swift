import Foundation

/// An item that can say which of its texts hold U+FFFD, for ``UTF8Repair``'s warnings.
protocol TextRepairReporting {
    /// How the user knows the item (`case C12`).
    var repairSubject: String { get }
    var fieldsHoldingReplacement: [String] { get }
}
