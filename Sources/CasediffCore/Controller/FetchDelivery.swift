import TestRailAPI

/// What a fetch hands over as soon as it is whole, one way, in this order: the heads, then each suite.
public enum FetchDelivery: Sendable {
    /// Each side's project with its case types, priorities and definitions (its suites still to come), and every
    /// suite each side lists, in id order. Suites completed before the heads are held back until after them.
    case heads([Side: ProjectData], listings: [Side: [Suite]])
    /// One side's suite, all its pages in.
    case suite(Side, SuiteData)
}
