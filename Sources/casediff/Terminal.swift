import CasediffCore
import Foundation

/// What stdout is: a terminal (colour and width allowed) or a pipe or file (plain text, no limit).
enum Terminal {
    static func style(environment: [String: String]) -> TerminalStyle {
        let isTTY = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let width =
            isTTY && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return TerminalStyle.detect(environment: environment, isTTY: isTTY, terminalWidth: width)
    }
}
