import ArgumentParser
import CasediffCore
import Foundation
import Logging

/// The request log: shared by every command that talks to TestRail.
struct LogOptions: ParsableArguments {
    @Flag(help: "Log every request on stderr too, and debug lines to --log-file.")
    var verbose = false

    @Option(help: ArgumentHelp("Append the request log and the run's summary to this file.", valueName: "path"))
    var logFile: String?

    @Option(
        help: ArgumentHelp("The log file's lines: text (key=value) or json (one object per line).", valueName: "format")
    )
    var logFormat: LogFormat = .text

    func validate() throws {
        if let logFile, logFile.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--log-file is empty; give a file or leave the option out")
        }
    }
}
