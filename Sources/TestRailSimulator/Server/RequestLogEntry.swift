/// One request as the simulator saw it; tests and benchmarks read these to count what a client really did.
public struct RequestLogEntry: Sendable, Hashable, Codable {
    /// 1-based arrival order.
    public var sequence: Int
    /// When the request arrived, in milliseconds since the simulator started.
    public var arrivedMilliseconds: Double
    /// The API method (`get_cases`), or `-` when the URL named none.
    public var method: String
    /// The call as TestRail prints it: `/api/v2/get_cases/1&suite_id=2&limit=250&offset=0`.
    public var path: String
    public var status: Int
    /// Items in the returned list, for list endpoints.
    public var items: Int?
    public var bytes: Int
    /// The injected fault, if any (`http_500`, `drop`, `truncate`, `maintenance`, `rate_limit`,
    /// `html`), or the hostile mode that answered (`redirect`, `next_link`, `echo_auth`, `trickle`, `oversized`,
    /// `silence`).
    public var fault: String?
    public var latencyMilliseconds: Double
    /// The request's `x-api-ident` header, if it sent one (`beta` opts in to pagination on TestRail 6.7–7.2.0).
    public var apiIdent: String?
    /// True when the request carried an `Authorization` header (its value is never logged); absent otherwise.
    public var carriedAuthorization: Bool?

    enum CodingKeys: String, CodingKey {
        case sequence = "seq"
        case arrivedMilliseconds = "t_ms"
        case method, path, status, items, bytes, fault
        case latencyMilliseconds = "latency_ms"
        case apiIdent = "api_ident"
        case carriedAuthorization = "auth"
    }

    public init(
        sequence: Int, arrivedMilliseconds: Double, method: String, path: String, status: Int, items: Int?,
        bytes: Int, fault: String?, latencyMilliseconds: Double, apiIdent: String? = nil,
        carriedAuthorization: Bool? = nil
    ) {
        self.sequence = sequence
        self.arrivedMilliseconds = arrivedMilliseconds
        self.method = method
        self.path = path
        self.status = status
        self.items = items
        self.bytes = bytes
        self.fault = fault
        self.latencyMilliseconds = latencyMilliseconds
        self.apiIdent = apiIdent
        self.carriedAuthorization = carriedAuthorization
    }
}
