import Foundation

/// How a run uses the store: where pages and history live, and which stored pages it may trust.
public struct StoreSettings: Sendable {
    public var pages: any PageStore
    public var history: any FetchHistory
    /// The store's path, for messages.
    public var location: String
    /// Stored pages younger than this are used instead of requests (`--max-age`); nil or zero: none.
    public var maxAge: Duration?
    /// Use only the store (`--offline`).
    public var offline: Bool
    /// An interrupted run that started less than this long ago is resumed.
    public var resumeWindow: Duration
    /// The wall clock pages and runs are stamped with.
    public var now: @Sendable () -> Date

    public init(
        pages: any PageStore, history: any FetchHistory, location: String, maxAge: Duration? = nil,
        offline: Bool = false,
        resumeWindow: Duration = .seconds(3600), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pages = pages
        self.history = history
        self.location = location
        self.maxAge = maxAge
        self.offline = offline
        self.resumeWindow = resumeWindow
        self.now = now
    }
}
