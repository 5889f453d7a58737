import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// `casediff snapshot PROJECT --output FILE`: fetch one project completely and write it as a portable JSON file.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save a project's suites, sections and cases as a portable JSON snapshot.",
        discussion: """
            The snapshot can stand in for a live project on either side of 'casediff compare', so a CI job can keep \
            its baseline in its repository. Keys are sorted; with --reproducible the snapshot's time is when its \
            data last changed (the newest case update), so a snapshot re-taken from an unchanged project is \
            byte-identical. SOURCE_DATE_EPOCH, when set, is the time instead.

            The snapshot also keeps what gives the project's ids their meaning on its instance (field \
            configurations, templates, milestones, the users its cases name, shared step sets), so it compares \
            with a project on another instance exactly as the live project would.

            Examples:
              casediff snapshot 1 --output baseline/shop.json
              casediff snapshot server:12 --output server-12.json
              casediff compare baseline/shop.json 1 --fail-on added,removed,changed
            """
    )

    @Argument(help: "The project (id, P<id>, name, or PROFILE:PROJECT for a configuration profile's instance).")
    var project: String

    @Option(
        name: [.short, .long], help: ArgumentHelp("Where to write the snapshot (- for stdout).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Only this suite (repeatable; by name).", valueName: "name"))
    var suite: [String] = []

    @Flag(help: "Record when the data last changed instead of now, so an unchanged project gives the same bytes.")
    var reproducible = false

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var fetch: FetchOptions

    @OptionGroup var storage: StoreOptions

    @OptionGroup var reporting: ReportingOptions

    /// The argument and the project it names; a path is a usage error (snapshot writes a snapshot, it does not read
    /// one).
    private func projectArgument() throws -> (argument: SideArgument, reference: ProjectReference) {
        let argument = SideArgument(text: project, fileExists: { _ in false })
        guard case .project(let reference, _) = argument.kind else {
            throw ValidationError(
                "snapshot takes a project (id, P<id>, name or PROFILE:PROJECT), not a path: \(project)")
        }
        return (argument, reference)
    }

    func validate() throws {
        try ComparisonFlags.validateSuiteNames(suite)
        if output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output is empty; give a file, or - for stdout")
        }
        _ = try projectArgument()
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try OutputFile.preflight(output)
        let (argument, reference) = try projectArgument()
        let sides = try SideSources(
            [argument], connection: connection, fetch: fetch, offline: storage.offline, environment: environment)
        let instance: InstanceConnection
        switch sides.sources.first {
        case .remote(_, let connection)?:
            instance = connection
        default:
            guard let client = sides.client else {
                throw CasediffError.missingSetting("no TestRail URL: pass --url, set TESTRAIL_URL or add a profile")
            }
            instance = InstanceConnection(
                client: client, rate: sides.settings?.rate?.value, rateGivenBy: sides.settings?.rate?.source.brief)
        }
        var controller = sides.settings.map(fetch.controller) ?? fetch.controller()
        if let concurrency = instance.concurrency { controller.concurrency = concurrency }
        controller.suites = SuiteFilter(suite)
        // A snapshot may later be compared with --fields created_by,updated_by: it lists the users its cases name.
        controller.alwaysFetchUsers = true
        let reporting = try Reporting(self.reporting, environment: environment, scrubber: Redaction.current)
        defer { reporting.close() }
        let outcome = try await reporting.withProgress {
            try await storage.withStore(environment: environment) { store in
                let session = FetchSession(
                    client: instance.client,
                    options: .init(
                        controller: controller, rate: instance.rate, store: store,
                        incremental: storage.incremental, observer: reporting.observer,
                        rateGivenBy: instance.rateGivenBy))
                return try await Interrupts.cancellingOnSignals {
                    try await session.run(projects: [.left: reference])
                }
            }
        }
        guard let data = outcome.projects[.left] else { throw CasediffError.incomplete([]) }
        let takenAt =
            reproducible && environment["SOURCE_DATE_EPOCH"] == nil
            ? ProjectSnapshot.lastChange(of: data) : CompareCommand.now(environment: environment)
        let snapshot = ProjectSnapshot(data: data, takenAt: takenAt, toolVersion: CasediffVersion.current)
        let bytes = try snapshot.encoded()
        try reporting.write(bytes, to: output)
        var line =
            "snapshot of P\(data.project.id) '\(data.project.name)': \(data.caseCount) cases in "
            + "\(data.suites.count) suites; fetched \(outcome.metrics.summary); rate limit \(outcome.rate)"
        if output != "-" { line += "; written to \(output)" }
        if let warning = outcome.metrics.storeWarning { line += "; warning: the store failed: \(warning)" }
        reporting.warn(outcome.metrics.warnings)
        reporting.note(line)
        reporting.logSummary(outcome.metrics, rate: outcome.rate)
        try reporting.finish()
    }
}
