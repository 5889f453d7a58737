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
}
