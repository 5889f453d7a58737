import Foundation
import TestRailAPI

extension UnitPayload {
    /// A unit's response body, decoded as its kind says; a page's `next` link must stay in the list the unit asked
    /// for (``TestRailEndpoint/nextPage(apiPath:after:)``). Errors are the client's classification (cut short, HTML,
    /// malformed), not yet scrubbed.
    static func decoding(_ data: Data, for unit: WorkUnit) -> Result<UnitPayload, TestRailError> {
        do {
            return .success(
                try decode(data, kind: unit.kind, itemsKey: unit.key.resource.itemsKey, requested: unit.endpoint))
        } catch let error as TestRailError {
            return .failure(error)
        } catch {
            return .failure(.malformedResponse(String(describing: error)))
        }
    }

    private static func decode(
        _ data: Data, kind: WorkUnit.Kind, itemsKey: String, requested endpoint: TestRailEndpoint
    ) throws
        -> UnitPayload
    {
        switch kind {
        case .project: return .project(try TestRailClient.decodeObject(data))
        case .projectList: return .projects(try Page<Project>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .caseTypes: return .caseTypes(try TestRailClient.decodeObject(data))
        case .priorities: return .priorities(try TestRailClient.decodeObject(data))
        case .caseFields: return .caseFields(try TestRailClient.decodeObject(data))
        case .templates: return .templates(try TestRailClient.decodeObject(data))
        case .milestones:
            return .milestones(try Page<Milestone>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .sharedSteps:
            return .sharedSteps(try Page<SharedStepSet>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .users: return .users(try Page<User>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .suites: return .suites(try Page<Suite>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .sections: return .sections(try Page<Section>.decode(data, itemsKey: itemsKey, requested: endpoint))
        case .cases: return .cases(try Page<TestCase>.decode(data, itemsKey: itemsKey, requested: endpoint))
        }
    }
}
