import ArgumentParser
import CasediffCore
import Foundation

/// `casediff projects`: the projects the user can see, to find the ids to compare.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "List the projects you can see: ids, names, suite modes.",
        discussion: """
            Examples:
              casediff projects --url https://example.testrail.io
              casediff projects --profile cloud --format json
            """
    )

    @OptionGroup var options: DiscoveryOptions

    func run() async throws {
        let format = options.format
        let output = try await options.run { client, rate, _, reporting, _ in
            let catalog = InstanceCatalog(client: client, rate: rate.profile, observer: reporting.observer)
            let projects = try await catalog.projects()
            return format == .json
                ? try CatalogRenderer().json(projects) : Data(CatalogRenderer().table(projects).utf8)
        }
        try options.print(output)
    }
}
