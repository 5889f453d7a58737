import ArgumentParser
import CasediffCore
import CasediffStore
import Foundation
import TestRailAPI

/// `casediff suites PROJECT`: a project's suites, with case counts where the store knows them.
struct SuitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List a project's suites: ids, names and, when known, case and section counts.",
        discussion: """
            TestRail reports no totals, so counts come from the store: they are known once a compare or snapshot \
            has fetched the project (and '?' until then).

            Examples:
              casediff suites 1
              casediff suites "Shop (copy)" --format json
            """
    )

    @Argument(help: "The project (id, P<id> or name).")
    var project: String

    @OptionGroup var options: DiscoveryOptions

    func run() async throws {
        let format = options.format
        let reference = ProjectReference(project)
        let output = try await options.run { client, rate, _, reporting, store in
            let sizes = try await store?.sizeHints(instance: client.baseURL.description)
            let catalog = InstanceCatalog(client: client, rate: rate.profile, observer: reporting.observer)
            let listing = try await catalog.suites(of: reference, sizes: sizes ?? FixedSizeHints([:]))
            return format == .json
                ? try CatalogRenderer().json(listing) : Data(CatalogRenderer().table(listing).utf8)
        }
        try options.print(output)
    }
}
