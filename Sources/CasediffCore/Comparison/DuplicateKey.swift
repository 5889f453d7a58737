/// A match key held by more than one case on a side: reported, never silently collapsed.
public struct DuplicateKey: Sendable, Hashable {
    /// The suite it occurs in; nil when matching across suites.
    public var suite: String?
    public var key: String
    public var left: Int
    public var right: Int

    public init(suite: String?, key: String, left: Int, right: Int) {
        self.suite = suite
        self.key = key
        self.left = left
        self.right = right
    }
}
