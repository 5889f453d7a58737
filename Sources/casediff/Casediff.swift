import ArgumentParser
import CasediffCore
import Foundation

/// The `casediff` command: subcommands do the work, ``ExitStatus`` maps every outcome to an exit code.
@main
struct Casediff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casediff",
        abstract: "Show how two TestRail projects differ.",
        discussion: """
            Settings come from flags, then TESTRAIL_URL, TESTRAIL_USER and TESTRAIL_API_KEY, then a profile in \
            ~/.config/casediff/config.toml (--config, --profile). The key is never a flag; a config file that \
            holds one must be private (chmod 600).

            Every page fetched is kept in a local SQLite store (--store, --no-store): an interrupted run resumes, \
            --max-age reuses recent pages, --offline sends nothing, --incremental refreshes with updated_after. \
            'casediff snapshot' saves a project to a file that 'compare' accepts in place of a project.

            Progress is drawn live on a terminal (--progress, --quiet); --log-file writes every request with its id \
            (p30/s12/o500#2), status, latency and bytes. Shell completions: --generate-completion-script bash|zsh|fish.

            Exit codes: 0 no drift, 1 drift, 2 error or incomplete data, 64 usage error, 130 interrupted (Ctrl-C).

            Examples:
              casediff check                      # are the URL and credentials right?
              casediff projects                   # find the ids to compare
              casediff compare 1 2                # the drift between P1 and P2
            """,
        version: CasediffVersion.current,
        subcommands: [
            CompareCommand.self, SnapshotCommand.self, ProjectsCommand.self, SuitesCommand.self, CheckCommand.self,
        ]
    )

    static func main() async {
        // A reader that goes away (`casediff compare … | head -1`) is a write error (EPIPE), reported and exit 2:
        // an incomplete result must never look like success, and a signal would end the run without a word.
        signal(SIGPIPE, SIG_IGN)
        ProcessMemory.configure()
        StandardStreams.secure()
        Redaction.register(SettingsResolver.secretForms(environment: ProcessInfo.processInfo.environment))
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
