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

    @Flag(name: [.short, .long], help: "No progress and no statistics on stderr (errors still print).")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Colour in the table and the progress: auto (on a terminal, unless NO_COLOR is set), always (e.g. for "
                + "less -R) or never.",
            valueName: "when"))
    var color: ColorMode = .auto

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

extension LogFormat: ExpressibleByArgument {}
