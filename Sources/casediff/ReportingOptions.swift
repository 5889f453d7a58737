import ArgumentParser
import CasediffCore
import Foundation
import Logging

/// What a run says while it works: the live progress block, the request log and the closing statistics.
struct ReportingOptions: ParsableArguments {
    enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
        case auto
        case live
        case plain
        case off
    }

    @Option(
        help: ArgumentHelp(
            "Progress on stderr: auto (live on a terminal, else none), live, plain (a line every 5 s) or off.",
            valueName: "mode"))
    var progress: ProgressMode = .auto

    @Flag(help: "No progress and no statistics on stderr (errors still print).")
    var quiet = false

    @OptionGroup var log: LogOptions

    func validate() throws {
        if quiet, log.verbose { throw ValidationError("--quiet and --verbose contradict each other") }
        if quiet, progress == .live || progress == .plain {
            throw ValidationError("--quiet turns progress off; drop --progress \(progress.rawValue)")
        }
    }

    /// The progress display to run, if any.
    func displayMode(environment: [String: String]) -> ProgressDisplay.Mode? {
        if quiet { return nil }
        switch progress {
        case .auto: return Terminal.stderrIsLive(environment: environment) ? .live : nil
        case .live: return .live
        case .plain: return .plain
        case .off: return nil
        }
    }
}

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

extension LogFormat: ExpressibleByArgument {}
