import CasediffCore
import Foundation

/// What a stream is: a terminal (colour and width allowed) or a pipe or file (plain text, no limit).
enum Terminal {
    /// The style for stdout's result.
    static func style(environment: [String: String], color: ColorMode = .auto) -> TerminalStyle {
        style(of: STDOUT_FILENO, environment: environment, color: color)
    }

    /// `--color always` colours a pipe too (for `less -R`; plain text's unlimited width); `--color never` keeps a
    /// terminal's width without colour.
    static func style(of descriptor: Int32, environment: [String: String], color: ColorMode = .auto) -> TerminalStyle {
        let isTTY = isatty(descriptor) == 1
        var size = winsize()
        let width =
            isTTY && ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        var style = TerminalStyle.detect(environment: environment, isTTY: isTTY, terminalWidth: width)
        switch color {
        case .auto: break
        case .always: style.color = true
        case .never: style.color = false
        }
        return style
    }

    /// True when the live block may be drawn on stderr: a terminal that is not `TERM=dumb`.
    static func stderrIsLive(environment: [String: String]) -> Bool {
        isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    }
}
