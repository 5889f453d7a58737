/// Which requests fail, decided from the seed and the request itself, never from arrival order.
///
/// A request's fate depends on (seed, its API path, how many times that exact path was asked before), so a run with
/// 32 concurrent workers meets the same faults as a sequential one, and a retry of a failed page can succeed.
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
    public var scripted: [Scripted]

    public init(serverErrorRate: Double = 0, dropRate: Double = 0, truncateRate: Double = 0, scripted: [Scripted] = [])
    {
        self.serverErrorRate = serverErrorRate
        self.dropRate = dropRate
        self.truncateRate = truncateRate
        self.scripted = scripted
    }

    public static let none = FaultPlan()

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
        if roll < serverErrorRate {
            return .serverError(status: roll < serverErrorRate / 2 ? 500 : 503)
        }
        if roll < serverErrorRate + dropRate {
            return .dropConnection
        }
        if roll < serverErrorRate + dropRate + truncateRate {
            return .truncateBody
        }
        return nil
    }
}
