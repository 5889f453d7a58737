/// One named instance in the configuration file: where it is, who logs in, and how hard to drive it.
public struct ConfigProfile: Sendable, Hashable {
    public var name: String
    public var url: String?
    public var user: String?
    /// Only ever sent to this profile's own `url` (``SettingsResolver``).
    public var apiKey: String?
    public var rate: RateProfile?
    public var concurrency: Int?

    public init(
        name: String, url: String? = nil, user: String? = nil, apiKey: String? = nil, rate: RateProfile? = nil,
        concurrency: Int? = nil
    ) {
        self.name = name
        self.url = url
        self.user = user
        self.apiKey = apiKey
        self.rate = rate
        self.concurrency = concurrency
    }

    /// The keys a profile table may hold.
    public static let keys = ["url", "user", "api_key", "rate", "concurrency"]
}
