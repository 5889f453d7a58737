import TestRailAPI
import Testing

@testable import TestRailSimulator

@Suite struct FaultPlanTests {
    func fault(
        _ plan: FaultPlan, path: String, occurrence: Int, seed: UInt64 = 1, method: String = "get_cases",
        parameters: [String: String] = [:]
    ) -> Fault? {
        plan.fault(
            method: method, arguments: [1], parameters: parameters, apiPath: path, occurrence: occurrence, seed: seed)
    }

    @Test func dependsOnlyOnSeedPathAndOccurrence() {
        let plan = FaultPlan(serverErrorRate: 0.2, dropRate: 0.1, truncateRate: 0.1)
        let paths = (0..<200).map { "/api/v2/get_cases/1&suite_id=1&offset=\($0 * 250)" }
        let first = paths.map { fault(plan, path: $0, occurrence: 0) }
        let again = paths.reversed().map { fault(plan, path: $0, occurrence: 0) }.reversed()
        #expect(first == Array(again))
        let otherSeed = paths.map { fault(plan, path: $0, occurrence: 0, seed: 2) }
        #expect(first != otherSeed)
    }

    @Test func ratesAreRoughlyHonoured() {
        let plan = FaultPlan(serverErrorRate: 0.1, dropRate: 0.05, truncateRate: 0.05)
        let faults = (0..<10_000).compactMap { fault(plan, path: "/api/v2/get_cases/1&offset=\($0)", occurrence: 0) }
        let serverErrors = faults.filter { if case .serverError = $0 { return true } else { return false } }.count
        #expect((800...1200).contains(serverErrors))
        #expect((350...650).contains(faults.filter { $0 == .dropConnection }.count))
        #expect((350...650).contains(faults.filter { $0 == .truncateBody }.count))
    }

    @Test func scriptedFaultsHitTheFirstMatchingRequestsOnly() {
        let plan = FaultPlan(scripted: [
            .init(method: "get_cases", parameters: ["offset": "250"], fault: .serverError(status: 500), times: 2)
        ])
        let path = "/api/v2/get_cases/1&offset=250"
        #expect(fault(plan, path: path, occurrence: 0, parameters: ["offset": "250"]) == .serverError(status: 500))
        #expect(fault(plan, path: path, occurrence: 1, parameters: ["offset": "250"]) == .serverError(status: 500))
        #expect(fault(plan, path: path, occurrence: 2, parameters: ["offset": "250"]) == nil)
        #expect(fault(plan, path: "/api/v2/get_cases/1&offset=0", occurrence: 0, parameters: ["offset": "0"]) == nil)
        #expect(fault(plan, path: path, occurrence: 0, method: "get_sections", parameters: ["offset": "250"]) == nil)
    }

    func fault(_ plan: FaultPlan, path: String, parameters: [String: String], seed: UInt64 = 1) -> Fault? {
        plan.fault(
            method: "get_cases", arguments: [1], parameters: parameters, apiPath: path, occurrence: 0, seed: seed)
    }

    @Test func aMixedPlanSharesItsRateEvenlyOverEveryKind() {
        let plan = FaultPlan.mixed(rate: 0.3)
        #expect(FaultKind.allCases.allSatisfy { abs(plan.rate(of: $0) - 0.05) < 1e-12 })
        let faults = (0..<12_000).compactMap {
            fault(plan, path: "/api/v2/get_cases/1&suite_id=\($0)", parameters: ["suite_id": "\($0)"])
        }
        let names = Dictionary(grouping: faults, by: \.description).mapValues(\.count)
        #expect(Set(names.keys) == ["http_500", "http_503", "drop", "truncate", "html", "maintenance", "rate_limit"])
        for name in ["drop", "truncate", "html", "maintenance", "rate_limit"] {
            #expect((450...750).contains(names[name] ?? 0), "\(name): \(names[name] ?? 0)")
        }
        #expect(faults.contains(.briefMaintenance(retryAfterSeconds: 1)))
        #expect(faults.contains(.rateLimit(retryAfterSeconds: 1)))
    }

    @Test func onlyCallsThatNameASuiteGetAnHTMLPage() {
        let plan = FaultPlan.mixed(rate: 1, kinds: [.html])
        #expect(fault(plan, path: "/api/v2/get_cases/1&suite_id=2", parameters: ["suite_id": "2"]) == .htmlPage)
        #expect(fault(plan, path: "/api/v2/get_project/1", parameters: [:]) == nil)
        #expect(fault(plan, path: "/api/v2/get_case_fields", parameters: [:]) == nil)
        // Scripted rules put HTML anywhere, e.g. on a client's very first call.
        let scripted = FaultPlan(scripted: [.init(method: "get_cases", fault: .htmlPage)])
        #expect(fault(scripted, path: "/api/v2/get_cases/1", parameters: [:]) == .htmlPage)
    }

    @Test func bandsAreLaidInOrderSoOlderSeedsMeetTheSameFaults() {
        let plan = FaultPlan(serverErrorRate: 0.2, dropRate: 0.1, truncateRate: 0.1, htmlRate: 0.1, rateLimitRate: 0.1)
        for index in 0..<500 {
            let path = "/api/v2/get_cases/1&suite_id=1&offset=\(index)"
            let roll = SeededRandom.unit(seed: 1, key: "\(path)#0")
            let expected: Fault? =
                switch roll {
                case ..<0.1: .serverError(status: 500)
                case ..<0.2: .serverError(status: 503)
                case ..<0.3: .dropConnection
                case ..<0.4: .truncateBody
                case ..<0.5: .htmlPage
                case ..<0.6: .rateLimit(retryAfterSeconds: 1)
                default: nil
                }
            #expect(fault(plan, path: path, parameters: ["suite_id": "1"]) == expected, "roll \(roll)")
        }
    }
}
