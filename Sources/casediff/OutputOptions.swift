import ArgumentParser
import CasediffCore
import Foundation

/// Where the result goes: one format on stdout, any others to files (one run feeds a whole CI job).
struct OutputOptions: ParsableArguments {
    @Option(help: "What to print on stdout: table, json, markdown, csv or junit.")
    var format: OutputFormat = .table

    @Option(
        name: [.long, .customLong("json")],
        help: ArgumentHelp("Also write the JSON diff to this file.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write Markdown to this file (e.g. $GITHUB_STEP_SUMMARY).", valueName: "file"))
    var markdown: String?

    @Option(help: ArgumentHelp("Also write CSV to this file.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Also write JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Leave the time and the run's metrics out of the JSON, so equal inputs give equal bytes.")
    var reproducible = false

    @Flag(
        help: ArgumentHelp(
            "Summary first: the table and Markdown show the per-suite totals only, not each difference.",
            discussion: "The exit code is unchanged; the JSON, CSV and JUnit files still list every case."))
    var stat = false

    func validate() throws {
        if stat, format != .table, format != .markdown {
            throw ValidationError(
                "--stat shapes the table and Markdown; --format \(format.rawValue) lists every case (drop --stat)")
        }
        for (format, path) in files where path.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--\(format.rawValue) is empty; give a file or leave the option out")
        }
    }

    /// The files to write, each with its format, in a fixed order.
    var files: [(OutputFormat, String)] {
        [(.json, output), (.markdown, markdown), (.csv, csv), (.junit, junit)].compactMap { format, path in
            path.map { (format, $0) }
        }
    }
}
