import Foundation
import TestRailAPI

/// `get_cases`: a suite's cases in TestRail's order, paged, filtered by section and by timestamps, from records or
/// generated on request — the same bytes either way.
extension APIRouter {
    /// One `created_after`/`before` or `updated_after`/`before` bound (Unix seconds, exclusive).
    struct TimestampBound: Sendable {
        var field: String
        var isAfter: Bool
        var bound: Int

        func admits(_ value: Int?) -> Bool {
            guard let value else { return false }
            return isAfter ? value > bound : value < bound
        }

        /// The bounds `call` sets, or the 400 for one that is not an integer.
        static func parse(_ call: TestRailEndpoint) -> Result<[TimestampBound], Rejection> {
            var bounds: [TimestampBound] = []
            for (name, field, isAfter) in [
                ("updated_after", "updated_on", true), ("updated_before", "updated_on", false),
                ("created_after", "created_on", true), ("created_before", "created_on", false),
            ] {
                guard let raw = call.parameter(name) else { continue }
                guard let bound = Int(raw) else {
                    return .failure(Rejection(.error(400, TestRailMessages.invalidInteger(name))))
                }
                bounds.append(TimestampBound(field: field, isAfter: isAfter, bound: bound))
            }
            return .success(bounds)
        }
    }

    /// A 400 that ends a call before its list is built.
    struct Rejection: Error {
        var response: APIResponse
        init(_ response: APIResponse) { self.response = response }
    }

    func cases(_ call: TestRailEndpoint, suiteID: Int, for caller: APICaller) -> APIResponse {
        var sectionID: Int?
        if let raw = call.parameter("section_id") {
            guard let value = Int(raw) else { return .error(400, TestRailMessages.invalidInteger("section_id")) }
            guard (index.sectionsBySuite[suiteID] ?? []).contains(where: { $0.id == value }) else {
                return .error(400, TestRailMessages.invalidSection)
            }
            sectionID = value
        }
        let bounds: [TimestampBound]
        switch TimestampBound.parse(call) {
        case .success(let parsed): bounds = parsed
        case .failure(let rejection): return rejection.response
        }
        if let generated = index.generated, generated.suites[suiteID] != nil {
            return generatedCases(
                call, generated, suiteID: suiteID, sectionID: sectionID, bounds: bounds, for: caller)
        }
        var records = index.casesBySuite[suiteID] ?? []
        if let sectionID {
            records = records.filter { $0.fields["section_id"]?.intValue == sectionID }
        }
        for bound in bounds {
            records = records.filter { bound.admits($0.fields[bound.field]?.intValue) }
        }
        return list(call, records, key: "cases", for: caller)
    }

    /// Applies `created_after`/`before` and `updated_after`/`before` (Unix seconds, exclusive); returns the 400 for
    /// a bound that is not an integer.
    func filterByTimestamps(_ call: TestRailEndpoint, _ records: inout [InstanceIndex.Record]) -> APIResponse? {
        switch TimestampBound.parse(call) {
        case .failure(let rejection):
            return rejection.response
        case .success(let bounds):
            for bound in bounds {
                records = records.filter { bound.admits($0.fields[bound.field]?.intValue) }
            }
            return nil
        }
    }

    /// A generated suite's page: unfiltered, positions are the suite's own; filtered, the positions that pass are
    /// found first (one cheap draw per case), then paged like any list.
    private func generatedCases(
        _ call: TestRailEndpoint, _ generated: GeneratedCases, suiteID: Int, sectionID: Int?,
        bounds: [TimestampBound], for caller: APICaller
    ) -> APIResponse {
        let count = generated.caseCount(suiteID: suiteID)
        var positions: [Int]?
        if sectionID != nil || !bounds.isEmpty {
            positions = (0..<count).filter { position in
                guard let item = generated.testCase(suiteID: suiteID, position: position) else { return false }
                if let sectionID, item.sectionID != sectionID { return false }
                // A generated case's created_on and updated_on are the same.
                return bounds.allSatisfy { $0.admits(item.timestamp) }
            }
        }
        return list(call, count: positions?.count ?? count, key: "cases", for: caller) { range in
            var out: [UInt8] = []
            out.reserveCapacity(range.count * Self.generatedCaseBytes + 2)
            out.append(UInt8(ascii: "["))
            for position in range {
                if position > range.lowerBound { out.append(UInt8(ascii: ",")) }
                generated.testCase(suiteID: suiteID, position: positions?[position] ?? position)?.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
            return Data(out)
        }
    }

    /// About the size of one generated case's JSON, to size a page's buffer once.
    static let generatedCaseBytes = 640
}
