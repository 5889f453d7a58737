import TestRailAPI

/// One comparison, run through the pipeline's stages in order:
///
/// 1. **Resolve** both project references (id, `P12` or exact name) on the instance.
/// 2. **Fetch** the instance's case types and priorities, then every suite, section and case of both projects,
///    following pagination to the end (sequential in this version; the engine issue brings the planner, queue,
///    controller, rate limiter and aggregator).
/// 3. **Compare** suites by name and cases by title (``ProjectComparator``).
///
/// Rendering is the caller's: the report goes to ``TableRenderer`` or ``JSONRenderer``.
public struct CompareJob: Sendable {
    public struct Result: Sendable {
        public var report: ComparisonReport
        public var left: ProjectData
        public var right: ProjectData
        public var statistics: FetchStatistics
    }

    public let client: TestRailClient
    public let left: ProjectReference
    public let right: ProjectReference

    public init(client: TestRailClient, left: ProjectReference, right: ProjectReference) {
        self.client = client
        self.left = left
        self.right = right
    }

    public func run() async throws -> Result {
        let fetcher = SequentialFetcher(client: client)
        var statistics = FetchStatistics()
        do {
            let leftProject = try await fetcher.resolve(left)
            let rightProject = try await fetcher.resolve(right)
            let metadata = try await fetcher.instanceMetadata()
            let instance = client.baseURL.description
            let leftData = ProjectData(
                instance: instance, project: leftProject,
                suites: try await fetcher.fetch(leftProject, statistics: &statistics),
                caseTypes: metadata.caseTypes, priorities: metadata.priorities)
            let rightData = ProjectData(
                instance: instance, project: rightProject,
                suites: try await fetcher.fetch(rightProject, statistics: &statistics),
                caseTypes: metadata.caseTypes, priorities: metadata.priorities)
            let report = ProjectComparator().compare(leftData, rightData)
            return Result(report: report, left: leftData, right: rightData, statistics: statistics)
        } catch  where error is CancellationError || Task.isCancelled {
            // Once the run is cancelled, whatever a torn-down request threw, the outcome is "interrupted".
            throw CasediffError.interrupted(
                progress:
                    "fetched \(statistics.cases) cases in \(statistics.suites) suites (\(statistics.requests) requests)"
            )
        }
    }
}
