import CasediffCore
import Foundation

/// What stdout is: a terminal (colour and width allowed) or a pipe or file (plain text, no limit).
enum Terminal {
    /// The table's style: colour on a TTY unless NO_COLOR is set or TERM is dumb; the terminal's width (or
    /// COLUMNS) on a TTY.
    static func style(environment: [String: String], isTTY: Bool = isatty(STDOUT_FILENO) == 1) -> TerminalStyle {
        guard isTTY else { return .plain }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(width: width(environment: environment), color: !noColor && !dumb)
    }

    private static func width(environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap { Int($0) }
    }
}
