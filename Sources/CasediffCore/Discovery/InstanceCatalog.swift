import Foundation
import TestRailAPI

/// What an instance holds, for `casediff projects` and `casediff suites`: so a user finds the ids to compare.
///
/// Its few requests go through the same ``RequestExecutor`` as a fetch (rate limiter, retries, 429s, request log).
public struct InstanceCatalog: Sendable {
    let client: TestRailClient
    let executor: RequestExecutor

    public init(
        client: TestRailClient, rate: RateProfile, retry: RetryPolicy = RetryPolicy(),
        clock: any EngineClock = SystemEngineClock(), observer: (any FetchObserver)? = nil
    ) {
        self.client = client
        executor = RequestExecutor(
            client: client, limiter: RateLimiter(.init(ceiling: rate.requestsPerMinute), clock: clock),
            breaker: CircuitBreaker(clock: clock), policy: retry, clock: clock, metrics: MetricsRecorder(),
            random: { Double.random(in: 0..<1) }, observer: observer)
    }

    /// Every project the user can see, by id.
    public func projects() async throws -> [Project] {
        try await all(.getProjects(), key: PageKey(instance: "", resource: .projects))
            .sorted { $0.id < $1.id }
    }

    /// A project's suites, by id, each with its size when the store knows it from an earlier run.
    public func suites(of reference: ProjectReference, sizes: any SizeHints = NoSizeHints()) async throws
        -> ProjectSuites
    {
        let project = try await resolve(reference)
        let suites: [Suite] = try await all(
            .getSuites(projectID: project.id),
            key: PageKey(instance: "", resource: .suites, projectID: project.id))
        let known = Dictionary(
            (sizes.suites(instance: client.baseURL.description, projectID: project.id) ?? []).map { ($0.suiteID, $0) },
            uniquingKeysWith: { $1 })
        return ProjectSuites(
            project: project,
            suites: suites.sorted { $0.id < $1.id }.map {
                SuiteListing(suite: $0, cases: known[$0.id]?.cases, sections: known[$0.id]?.sections)
            })
    }

    func resolve(_ reference: ProjectReference) async throws -> Project {
        switch reference {
        case .id(let id):
            let key = PageKey(instance: "", resource: .project, projectID: id)
            do {
                let data = try await executor.perform(.getProject(id), unit: key.label).data
                return try TestRailClient.decodeObject(data)
            } catch TestRailError.badRequest {
                throw CasediffError.unknownProject(reference, instance: client.baseURL.description)
            } catch let error as TestRailError {
                throw CasediffError.request(error, context: key.activity)
            }
        case .name(let name):
            return try await ProjectNameResolver.resolve(
                name, among: projects(), instance: client.baseURL.description)
        }
    }

    /// Every item of a list (`key` names it, as a fetch's units are named), with request failures given the
    /// context of what was being listed.
    private func all<Item: Decodable & Sendable>(
        _ endpoint: TestRailEndpoint, key: PageKey
    ) async throws -> [Item] {
        do {
            let pages: [Page<Item>] = try await executor.pages(endpoint, key: key)
            return pages.flatMap(\.items)
        } catch let error as TestRailError {
            if error == .cancelled { throw CancellationError() }
            throw CasediffError.request(error, context: key.activity)
        }
    }
}
