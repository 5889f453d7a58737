import Foundation

/// Draws ``ProgressView`` frames: a live block (one line per project and an overall line, fitted to the terminal's
/// width, coloured unless `NO_COLOR`) for a terminal, or one plain line for a log (`--progress plain`).
///
/// A live line that is too wide first loses its bar, then shortens the project's name, then is cut with `…`; every
/// line stays one column short of the width so the terminal never wraps it (a wrap would break the redraw).
public struct ProgressRenderer: Sendable {
    public var style: TerminalStyle
    /// Cells of the progress bar.
    public static let barWidth = 20

    public init(style: TerminalStyle) {
        self.style = style
    }

    /// A text piece with an optional ANSI colour code; widths are measured on the text alone.
    struct Piece {
        var text: String
        var code: String?
        init(_ text: String, _ code: String? = nil) {
            self.text = text
            self.code = code
        }
    }

    // MARK: Live block

    public func liveLines(_ view: ProgressView) -> [String] {
        let limit = style.width.map { $0 - 1 }
        let single = view.sides.count == 1
        let nameWidth = min(30, view.sides.map { $0.progress.project.count }.max() ?? 0)
        var lines: [String] = []
        for (side, progress) in view.sides {
            var name = Self.pad(progress.project, nameWidth)
            let head =
                single
                ? [Piece(name)]
                : [Piece(side.rawValue, "1"), Piece(String(repeating: " ", count: 6 - side.rawValue.count) + name)]
            let counts = [Piece(Self.counts(progress))]
            let bar = bar(progress)
            var pieces = head + counts + bar
            if let limit, Self.width(pieces) > limit {
                let counts = [Piece(String(Self.counts(progress).dropLast(2)))]
                pieces = head + counts
                let excess = Self.width(pieces) - limit
                if excess > 0 {
                    name = Self.shorten(progress.project, to: max(8, name.count - excess))
                    pieces = (single ? [] : [head[0], Piece(" ")]) + [Piece(name)] + counts
                }
            }
            lines.append(join(pieces, limit: limit))
        }
        lines.append(join(overall(view), limit: limit))
        return lines
    }

    private func bar(_ progress: SideProgress) -> [Piece] {
        let fraction = Self.fraction(progress)
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        return [
            Piece(String(repeating: "█", count: filled), "32"),
            Piece(String(repeating: "░", count: Self.barWidth - filled) + String(format: " %3.0f%%", fraction * 100)),
        ]
    }

    private func overall(_ view: ProgressView) -> [Piece] {
        var pieces = [Piece(Self.rateText(view))]
        pieces.append(Piece(" · "))
        pieces.append(Piece("\(view.rateLimited) × 429", view.rateLimited > 0 ? "33" : nil))
        pieces.append(Piece(" · \(view.retries) \(view.retries == 1 ? "retry" : "retries")"))
        pieces.append(Piece(" · \(view.requests) requests · \(DurationText.format(view.elapsed))"))
        pieces.append(Piece(" · "))
        pieces.append(Piece(Self.etaText(view), "1"))
        return pieces
    }

    private func join(_ pieces: [Piece], limit: Int?) -> String {
        let plain = pieces.map(\.text).joined()
        if let limit, plain.count > limit {
            // Too narrow for the pieces: cut the plain text (colour is dropped rather than cut mid-sequence).
            return String(plain.prefix(limit - 1)) + "…"
        }
        return pieces.map { piece in
            guard let code = piece.code, !piece.text.isEmpty else { return piece.text }
            return style.paint(piece.text, code)
        }.joined()
    }

    // MARK: Plain line

    /// One line for a log or CI console: every side and the overall figures, never coloured or cut.
    public func plainLine(_ view: ProgressView) -> String {
        var parts = view.sides.map { side, progress in
            (view.sides.count == 1 ? "" : "\(side.rawValue) ") + "\(progress.project): "
                + Self.counts(progress)
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        parts.append(
            Self.rateText(view) + ", \(view.rateLimited) × 429, \(view.retries) "
                + (view.retries == 1 ? "retry" : "retries") + ", \(view.requests) requests, "
                + DurationText.format(view.elapsed) + ", " + Self.etaText(view))
        return "progress: " + parts.joined(separator: "; ")
    }

    // MARK: Texts

    static func counts(_ progress: SideProgress) -> String {
        let suites = "\(progress.suitesDone)/\(progress.suitesTotal.map(String.init) ?? "?") suites"
        let cases = progress.casesExpected.map { "\(progress.cases)/\($0) cases" } ?? "\(progress.cases) cases"
        let pages = "\(progress.pages)/\(progress.pagesPlanned) pages"
        return "  \(suites)  \(cases)  \(pages)  "
    }

    static func fraction(_ progress: SideProgress) -> Double {
        if progress.isDone { return 1 }
        guard progress.pagesPlanned > 0 else { return 0 }
        return min(1, Double(progress.pages) / Double(progress.pagesPlanned))
    }

    static func rateText(_ view: ProgressView) -> String {
        let now = view.ratePerMinute.map { String(format: "%.0f/min", $0) } ?? "–/min"
        let limit = view.limitPerMinute.map { String(format: "limit %.0f/min", $0) } ?? "no limit"
        return "rate \(now) (\(limit))"
    }

    static func etaText(_ view: ProgressView) -> String {
        guard let eta = view.eta else { return "ETA –" }
        if eta == .zero { return "done" }
        return "ETA " + (view.etaIsLowerBound ? "≥" : "") + DurationText.format(eta)
    }

    static func width(_ pieces: [Piece]) -> Int { pieces.reduce(0) { $0 + $1.text.count } }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? shorten(text, to: width) : text + String(repeating: " ", count: width - text.count)
    }

    static func shorten(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
    }
}
