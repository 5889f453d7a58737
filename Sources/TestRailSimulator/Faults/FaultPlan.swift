/// Which requests fail, decided from the seed and the request itself, never from arrival order.
///
/// A request's fate depends on (seed, its API path, how many times that exact path was asked before), so a run with
/// 32 concurrent workers meets the same faults as a sequential one, and a retry of a failed page can succeed.
///
/// One roll in [0, 1) per request picks at most one kind, in bands laid end to end in this order: 5xx, drop,
/// truncate, HTML, 409, 429. With ``mixed(rate:kinds:scripted:)`` at 0.3 over all six kinds:
///
/// | roll        | fault                        |
/// |-------------|------------------------------|
/// | 0.00–0.025  | 500                          |
/// | 0.025–0.05  | 503                          |
/// | 0.05–0.10   | dropped connection           |
/// | 0.10–0.15   | truncated JSON               |
/// | 0.15–0.20   | HTML page (suite calls only) |
/// | 0.20–0.25   | 409, `Retry-After: 1`        |
/// | 0.25–0.30   | 429, `Retry-After: 1`        |
/// | 0.30–1      | none                         |
public struct FaultPlan: Sendable, Hashable {
    /// A rule that fails the first `times` requests matching a method and parameters.
    public struct Scripted: Sendable, Hashable {
        public var method: String
        public var arguments: [Int]?
        public var parameters: [String: String]
        public var fault: Fault
        public var times: Int

        public init(
            method: String, arguments: [Int]? = nil, parameters: [String: String] = [:], fault: Fault, times: Int = 1
        ) {
            self.method = method
            self.arguments = arguments
            self.parameters = parameters
            self.fault = fault
            self.times = times
        }
    }

    public var serverErrorRate: Double
    public var dropRate: Double
    public var truncateRate: Double
    /// HTML login pages; only calls that name a suite get one (see ``acceptsHTML(parameters:)``).
    public var htmlRate: Double
    /// 409 with `Retry-After:` ``retryAfterSeconds``.
    public var maintenanceRate: Double
    /// 429 with `Retry-After:` ``retryAfterSeconds``, whatever the rate window says.
    public var rateLimitRate: Double
    public var scripted: [Scripted]

    /// The `Retry-After` of the 409s and 429s injected by rate: short, so fault runs stay fast.
    public static let retryAfterSeconds = 1

    public init(
        serverErrorRate: Double = 0, dropRate: Double = 0, truncateRate: Double = 0, htmlRate: Double = 0,
        maintenanceRate: Double = 0, rateLimitRate: Double = 0, scripted: [Scripted] = []
    ) {
        self.serverErrorRate = serverErrorRate
        self.dropRate = dropRate
        self.truncateRate = truncateRate
        self.htmlRate = htmlRate
        self.maintenanceRate = maintenanceRate
        self.rateLimitRate = rateLimitRate
        self.scripted = scripted
    }

    public static let none = FaultPlan()

    /// `rate` of all requests fail, shared evenly by `kinds` (every kind by default).
    public static func mixed(
        rate: Double, kinds: [FaultKind] = FaultKind.allCases, scripted: [Scripted] = []
    ) -> FaultPlan {
        var plan = FaultPlan(scripted: scripted)
        let kinds = Set(kinds)
        for kind in kinds {
            plan.setRate(rate / Double(kinds.count), of: kind)
        }
        return plan
    }

    /// The share of requests that get `kind`.
    public func rate(of kind: FaultKind) -> Double {
        switch kind {
        case .serverError: return serverErrorRate
        case .drop: return dropRate
        case .truncate: return truncateRate
        case .html: return htmlRate
        case .maintenance: return maintenanceRate
        case .rateLimit: return rateLimitRate
        }
    }

    public mutating func setRate(_ rate: Double, of kind: FaultKind) {
        switch kind {
        case .serverError: serverErrorRate = rate
        case .drop: dropRate = rate
        case .truncate: truncateRate = rate
        case .html: htmlRate = rate
        case .maintenance: maintenanceRate = rate
        case .rateLimit: rateLimitRate = rate
        }
    }

    /// Whether a request may get an HTML page by rate: only a call that names a suite.
    ///
    /// A client must take HTML on its first contact with an instance for a wrong URL (a web page, not the API), so
    /// a transient login page is only fair once the instance has answered JSON. A client learns suite ids only from
    /// an earlier JSON answer (`get_suites`), so a call carrying `suite_id` always comes after one, whatever else
    /// the client sends concurrently at start-up. Scripted rules put HTML anywhere.
    public static func acceptsHTML(parameters: [String: String]) -> Bool {
        parameters["suite_id"] != nil
    }

    /// The fault for the `occurrence`-th (0-based) request of this exact call, if any.
    public func fault(
        method: String, arguments: [Int], parameters: [String: String], apiPath: String, occurrence: Int, seed: UInt64
    ) -> Fault? {
        for rule in scripted where rule.method == method && occurrence < rule.times {
            if let expected = rule.arguments, expected != arguments { continue }
            if rule.parameters.allSatisfy({ parameters[$0.key] == $0.value }) {
                return rule.fault
            }
        }
        let roll = SeededRandom.unit(seed: seed, key: "\(apiPath)#\(occurrence)")
        var floor = 0.0
        for kind in FaultKind.allCases {
            let rate = rate(of: kind)
            defer { floor += rate }
            guard roll >= floor, roll < floor + rate else { continue }
            switch kind {
            case .serverError: return .serverError(status: roll < floor + rate / 2 ? 500 : 503)
            case .drop: return .dropConnection
            case .truncate: return .truncateBody
            case .html: return Self.acceptsHTML(parameters: parameters) ? .htmlPage : nil
            case .maintenance: return .briefMaintenance(retryAfterSeconds: Self.retryAfterSeconds)
            case .rateLimit: return .rateLimit(retryAfterSeconds: Self.retryAfterSeconds)
            }
        }
        return nil
    }
}
