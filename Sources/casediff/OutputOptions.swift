import ArgumentParser
import CasediffCore
import Foundation

/// Where the result goes: one format on stdout (or `-o FILE`), any others to files (one run feeds a whole CI job).
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The result's format: table, json, markdown, csv, junit or html (default: table, or what --output's "
                + "extension names).",
            valueName: "format"))
    var format: OutputFormat?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write the result to this file instead of stdout (- for stdout).",
            discussion:
                "Without --format the extension picks the format: .json, .md, .csv, .xml (JUnit), .html; else table.",
            valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write the JSON diff to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Also write Markdown to this file (e.g. $GITHUB_STEP_SUMMARY).", valueName: "file"))
    var markdown: String?

    @Option(help: ArgumentHelp("Also write CSV to this file.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Also write JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Also write a self-contained HTML report to this file (open it in a browser; links to each case).",
            valueName: "file"))
    var html: String?

    @Flag(
        help: "Leave the time and the run's metrics out of the JSON, JUnit and HTML, so equal inputs give equal bytes.")
    var reproducible = false

    @Flag(
        help: ArgumentHelp(
            "Summary first: the table and Markdown show the per-suite totals only, not each difference.",
            discussion: "The exit code is unchanged; the JSON, CSV, JUnit and HTML files still list every case."))
    var stat = false

    func validate() throws {
        if stat, resultFormat != .table, resultFormat != .markdown, markdown == nil {
            throw ValidationError(
                "--stat shapes the table and Markdown; \(resultFormat == .html ? "an" : "a") \(resultFormat.rawValue) "
                    + "result lists every case (drop --stat)"
            )
        }
        for (option, path) in paths {
            if path.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--\(option) is empty; give a file or leave the option out")
            }
            // `--output json` meant the format, not a file named `json` in the current directory.
            if let format = OutputFormat(rawValue: path.lowercased()) ?? OutputFormat(fileExtension: path) {
                throw ValidationError(
                    "--\(option) \(path) would write a file named '\(path)'; for \(format.rawValue) on stdout use "
                        + "--format \(format.rawValue) (-f \(format.rawValue)), for that file write ./\(path)")
            }
        }
        // Two outputs to one place: the later would silently replace the earlier (or interleave on stdout).
        var seen: [String: String] = [:]
        let result = (output == nil ? "the result" : "--output", resultPath)
        for (option, path) in [result] + paths.filter({ $0.option != "output" }).map({ ("--" + $0.option, $0.path) }) {
            guard let place = Self.place(of: path) else { continue }
            if let earlier = seen[place] {
                throw ValidationError(
                    place == "-"
                        ? "\(option) - and \(earlier) both go to stdout; give one of them a file"
                        : "\(option) and \(earlier) both name \(path); give each output its own file")
            }
            seen[place] = option
        }
    }

    /// Where `path` writes, for telling two outputs' paths apart: `-`, or the file it replaces (a symlink's target),
    /// absolute, with `.` and `..` resolved by their text (`out/../x.xml` is `x.xml`); nil for what is written in
    /// place (`/dev/null`, `/dev/stdout`, a FIFO), which two outputs may share.
    static func place(of path: String) -> String? {
        guard path != "-" else { return "-" }
        guard case .replace(let target, _) = try? OutputFile.method(for: path) else { return nil }
        let absolute = target.hasPrefix("/") ? target : FileManager.default.currentDirectoryPath + "/" + target
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Every path given, with its option's name, in a fixed order: what the run will write, to check before the first
    /// request.
    var paths: [(option: String, path: String)] {
        [("output", output), ("json", json), ("markdown", markdown), ("csv", csv), ("junit", junit), ("html", html)]
            .compactMap { option, path in path.map { (option, $0) } }
    }

    /// The files to write besides the result, each with its format, in a fixed order.
    var files: [(OutputFormat, String)] {
        [(.json, json), (.markdown, markdown), (.csv, csv), (.junit, junit), (.html, html)].compactMap { format, path in
            path.map { (format, $0) }
        }
    }

    /// Where the result goes: `-` for stdout.
    var resultPath: String { output ?? "-" }

    /// The result's format: `--format`, else the one `--output`'s extension names, else the table.
    var resultFormat: OutputFormat {
        if let format { return format }
        guard let output, output != "-" else { return .table }
        return OutputFormat(fileExtension: NSString(string: output).pathExtension) ?? .table
    }
}
