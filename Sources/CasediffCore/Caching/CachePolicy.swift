import Foundation

/// Which stored pages a run may use instead of asking the server.
///
/// | situation                                  | a stored page is used when             |
/// |--------------------------------------------|----------------------------------------|
/// | default (`--max-age` 0), nothing to resume | never: every page is fetched and saved |
/// | `--max-age 10m`                            | fetched in the last 10 minutes          |
/// | an interrupted run started < 1 h ago       | fetched since that run started          |
/// | `--incremental`                            | also: saved by this run (refreshed)     |
/// | `--offline`                                | always; a missing page ends the run     |
public struct CachePolicy: Sendable, Hashable {
    /// Pages fetched at or after this instant are fresh; nil: none is.
    public var freshSince: Date?
    /// Use only stored pages; never send a request.
    public var offline: Bool
    /// Pages the in-memory level keeps (each up to 250 items).
    public var memoryPages: Int

    public init(freshSince: Date? = nil, offline: Bool = false, memoryPages: Int = 512) {
        self.freshSince = freshSince
        self.offline = offline
        self.memoryPages = max(0, memoryPages)
    }

    /// The policy for `maxAge` (nil: no reuse) at `now`, widened to whatever an interrupted run already fetched
    /// and, with `incremental`, to the pages this run's refresh saves.
    public static func resolve(
        maxAge: Duration?, resumesFrom: Date?, offline: Bool, incremental: Bool = false, now: Date
    ) -> CachePolicy {
        var since = maxAge.map { now.addingTimeInterval(-$0.inSeconds) }
        for bound in [resumesFrom, incremental ? now : nil].compactMap({ $0 }) {
            since = min(since ?? bound, bound)
        }
        return CachePolicy(freshSince: offline ? .distantPast : since, offline: offline)
    }

    func isFresh(_ fetchedAt: Date) -> Bool {
        guard let freshSince else { return false }
        return fetchedAt >= freshSince
    }
}
