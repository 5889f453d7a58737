import ArgumentParser

/// The `casediff` command: subcommands do the work, ``ExitStatus`` maps every outcome to an exit code.
@main
struct Casediff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casediff",
        abstract: "Show how two TestRail projects differ.",
        discussion: """
            Connection settings come from TESTRAIL_URL, TESTRAIL_USER and TESTRAIL_API_KEY (flags override the URL and
            user; the key is only ever read from the environment).

            Every page fetched is kept in a local SQLite store (--store, --no-store): an interrupted run resumes, \
            --max-age reuses recent pages, --offline sends nothing, --incremental refreshes with updated_after. \
            'casediff snapshot' saves a project to a file that 'compare' accepts in place of a project.

            Exit codes: 0 no drift, 1 drift, 2 error or incomplete data, 64 usage error.
            """,
        version: CasediffVersion.current,
        subcommands: [
            CompareCommand.self, SnapshotCommand.self, ProjectsCommand.self, SuitesCommand.self, CheckCommand.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ExitStatus.exit(for: error, command: self)
        }
    }
}
