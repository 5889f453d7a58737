/// A stored page whose content no longer matches the checksum written with it (a flipped bit, a torn sector, a
/// hand edit): the cache treats it as a miss and fetches it again; `--offline` names it and ends the run.
public struct DamagedPage: Error, Sendable, Hashable {
    public var key: PageKey

    public init(key: PageKey) {
        self.key = key
    }
}
