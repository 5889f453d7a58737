import Foundation
import TestRailAPI

/// Fetches whole projects one request at a time, following `_links.next` to the end of every list.
///
/// The walking skeleton's fetch: simple and obviously complete. A suite counts as fetched only when a page with
/// no `next` (or a legacy bare array, which is the whole list) has arrived.
public struct SequentialFetcher: Sendable {
    public let client: TestRailClient

    public init(client: TestRailClient) {
        self.client = client
    }

    /// The instance's case types and priorities, which the comparison needs to compare by name.
    public func instanceMetadata() async throws -> (caseTypes: [CaseType], priorities: [Priority]) {
        let types: [CaseType] = try await call("reading case types") { try await client.caseTypes() }
        let priorities: [Priority] = try await call("reading priorities") { try await client.priorities() }
        return (types, priorities)
    }

    /// Finds the project a user named, by id or exact name.
    public func resolve(_ reference: ProjectReference) async throws -> Project {
        switch reference {
        case .id(let id):
            do {
                return try await call("reading project P\(id)") { try await client.project(id) }
            } catch CasediffError.request(.badRequest, _) {
                throw CasediffError.unknownProject(reference, instance: client.baseURL.description)
            }
        case .name(let name):
            let projects: [Project] = try await call("listing projects") { try await client.projects() }
            let matches = projects.filter { $0.name == name }
            let loose =
                matches.isEmpty
                ? projects.filter { $0.name.compare(name, options: [.caseInsensitive]) == .orderedSame } : matches
            switch loose.count {
            case 0: throw CasediffError.unknownProject(reference, instance: client.baseURL.description)
            case 1: return loose[0]
            default: throw CasediffError.ambiguousProject(name, ids: loose.map(\.id).sorted())
            }
        }
    }

    /// Fetches every suite, section and case of a project.
    public func fetch(_ project: Project, statistics: inout FetchStatistics) async throws -> [SuiteData] {
        let suites: [Suite] = try await listAll(
            .getSuites(projectID: project.id), key: "suites", context: "listing suites of P\(project.id)",
            statistics: &statistics)
        var result: [SuiteData] = []
        for suite in suites.sorted(by: { $0.id < $1.id }) {
            let context = "suite '\(suite.name)' (S\(suite.id)) of P\(project.id)"
            let sections: [Section] = try await listAll(
                .getSections(projectID: project.id, suiteID: suite.id), key: "sections",
                context: "fetching sections of \(context)", statistics: &statistics)
            let cases: [TestCase] = try await listAll(
                .getCases(projectID: project.id, suiteID: suite.id), key: "cases",
                context: "fetching cases of \(context)", statistics: &statistics)
            statistics.suites += 1
            statistics.cases += cases.count
            result.append(SuiteData(suite: suite, sections: sections, cases: cases))
        }
        return result
    }

    private func listAll<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, key: String, context: String, statistics: inout FetchStatistics
    ) async throws -> [Item] {
        var answered = 0
        defer { statistics.requests += answered }
        return try await call(context) {
            try await client.all(endpoint, itemsKey: key) { (_: Page<Item>) in answered += 1 }
        }
    }

    private func call<Value>(_ context: String, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch TestRailError.cancelled {
            throw CancellationError()
        } catch let error as TestRailError {
            throw CasediffError.request(error, context: context)
        }
    }
}
