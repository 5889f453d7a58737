/// How the table may use the terminal: its width and whether ANSI colour is allowed.
public struct TerminalStyle: Sendable, Hashable {
    /// Columns to fit; nil for no limit (a file or a pipe).
    public var width: Int?
    public var color: Bool

    public init(width: Int? = nil, color: Bool = false) {
        self.width = width.map { max(40, $0) }
        self.color = color
    }

    /// Plain text of unlimited width: what goes to a pipe, a file or a golden test.
    public static let plain = TerminalStyle()

    /// The style for stdout: plain unless it is a terminal; then its width (or `COLUMNS`), and colour unless
    /// `NO_COLOR` is set (to anything but empty, per no-color.org) or `TERM` is `dumb`.
    public static func detect(environment: [String: String], isTTY: Bool, terminalWidth: Int?) -> TerminalStyle {
        guard isTTY else { return .plain }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(
            width: terminalWidth ?? environment["COLUMNS"].flatMap { Int($0) }, color: !noColor && !dumb)
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Cuts a line to the width in terminal columns (``DisplayWidth``), marking the cut with `…`; measure and fit
    /// before painting.
    func fit(_ line: String) -> String {
        guard let width else { return line }
        return DisplayWidth.fit(line, columns: width)
    }
}
