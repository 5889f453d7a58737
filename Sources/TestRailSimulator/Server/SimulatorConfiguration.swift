/// How a simulated instance behaves: who may log in, how fast it answers, how it limits and fails.
public struct SimulatorConfiguration: Sendable {
    /// A TestRail user and the API key (or password) it authenticates with.
    public struct User: Sendable, Hashable {
        public var email: String
        public var key: String
        /// Administrators may list every user and fetch anyone's account; others need a project id for `get_users`
        /// and may fetch only themselves.
        public var isAdmin: Bool
        public init(email: String, key: String, isAdmin: Bool = true) {
            self.email = email
            self.key = key
            self.isAdmin = isAdmin
        }
    }

    public var host: String
    /// 0 binds an ephemeral port; the bound address is reported once the server is ready.
    public var port: Int
    /// Where TestRail is installed on the host, `/` or e.g. `/testrail/`; only `<basePath>index.php` answers.
    public var basePath: String
    public var users: [User]
    /// Requests per 60-second sliding window for the whole instance; nil for no limit (TestRail Server).
    public var rateLimitPerMinute: Int?
    public var latency: Duration
    /// Each response's latency is `latency` ± up to `jitter`, seeded per request.
    public var jitter: Duration
    public var faults: FaultPlan
    /// Periods, measured from start, in which every call answers 409.
    public var maintenanceWindows: [Range<Duration>]
    /// Bare arrays for every list, as TestRail before 6.7 sent them.
    public var legacyArrays: Bool
    /// `get_suites` in the paginated envelope, as TestRail 9.3.1+ sends it; a bare array otherwise.
    public var suitesPaginated: Bool
    /// TestRail 6.7–7.2.0: lists are bare arrays unless the request carries `x-api-ident: beta`.
    public var betaHeaderPagination: Bool
    /// Every 200 body starts with `USER AUTHENTICATION SUCCESSFUL!\n`, as some legacy servers sent it.
    public var authenticationBanner: Bool
    /// `_links.next` carries `limit=0` instead of the page's limit, as some real servers write it; followed
    /// verbatim, such a link is a 400.
    public var zeroLimitNextLinks: Bool
    public var apiEnabled: Bool
    /// Ways the server abuses its client (redirects, tampered links, echoed credentials, endless or huge bodies,
    /// silence); the first mode whose methods match a call answers it. Empty for an honest server.
    public var hostility: [HostileMode]
    public var seed: UInt64
    /// Where to append the request log as JSON lines, if anywhere.
    public var requestLogPath: String?

    public init(
        host: String = "127.0.0.1", port: Int = 0, basePath: String = "/",
        users: [User] = [SimulatorConfiguration.demoUser],
        rateLimitPerMinute: Int? = nil, latency: Duration = .zero, jitter: Duration = .zero,
        faults: FaultPlan = .none, maintenanceWindows: [Range<Duration>] = [], legacyArrays: Bool = false,
        apiEnabled: Bool = true, seed: UInt64 = 1, requestLogPath: String? = nil, suitesPaginated: Bool = false,
        betaHeaderPagination: Bool = false, authenticationBanner: Bool = false, zeroLimitNextLinks: Bool = false,
        hostility: [HostileMode] = []
    ) {
        self.host = host
        self.port = port
        let trimmed = basePath.split(separator: "/").joined(separator: "/")
        self.basePath = trimmed.isEmpty ? "/" : "/\(trimmed)/"
        self.users = users
        self.rateLimitPerMinute = rateLimitPerMinute
        self.latency = latency
        self.jitter = jitter
        self.faults = faults
        self.maintenanceWindows = maintenanceWindows
        self.legacyArrays = legacyArrays
        self.apiEnabled = apiEnabled
        self.seed = seed
        self.requestLogPath = requestLogPath
        self.suitesPaginated = suitesPaginated
        self.betaHeaderPagination = betaHeaderPagination
        self.authenticationBanner = authenticationBanner
        self.zeroLimitNextLinks = zeroLimitNextLinks
        self.hostility = hostility
    }

    /// The account the demo and the tests use.
    public static let demoUser = User(email: "demo@casediff.test", key: "demo-api-key")
}
