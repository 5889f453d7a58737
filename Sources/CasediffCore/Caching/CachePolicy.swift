import Foundation

/// Which stored pages a run may use instead of asking the server.
///
/// | situation                                  | a stored page is used when              |
/// |--------------------------------------------|-----------------------------------------|
/// | default (`--max-age` 0), nothing to resume | never: every page is fetched and saved  |
/// | `--max-age 10m`                            | fetched in the last 10 minutes          |
/// | an interrupted run started < 1 h ago       | this run's refresh proved and saved it  |
/// | `--incremental`                            | also: saved by this run (refreshed)     |
/// | `--offline`                                | always; a missing page ends the run     |
///
/// A resumed run does not trust the interrupted run's pages by their age: they show the server as it was, and a
/// case deleted since would be reported present. Only the suites ``IncrementalRefresher`` proves consistent with
/// the server now are saved again, with this run's time, and so count as fresh.
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

    /// The policy for `maxAge` (nil: no reuse) at `now`, widened, when `refreshing` (`--incremental`, or a
    /// resumed run), to the pages this run's refresh saves.
    public static func resolve(maxAge: Duration?, offline: Bool, refreshing: Bool = false, now: Date) -> CachePolicy {
        var since = maxAge.map { now.addingTimeInterval(-$0.inSeconds) }
        if refreshing { since = min(since ?? now, now) }
        return CachePolicy(freshSince: offline ? .distantPast : since, offline: offline)
    }

    func isFresh(_ fetchedAt: Date) -> Bool {
        guard let freshSince else { return false }
        return fetchedAt >= freshSince
    }
}
